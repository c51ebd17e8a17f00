using System.Buffers.Binary;
using System.Text;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// The fine-tuned transformer weights of the English model (<c>en.minilm.bin</c>, written by
/// scripts/finetune-critic.py): for each ONNX initializer of the MiniLM graph that fine-tuning changed, its new value.
/// Matrices are stored as int8 with one fp32 scale per output column and dequantised here, once, at load; vectors are
/// fp32. The graph and the frozen embeddings still come from the package's DLL.
/// </summary>
public sealed class FineTunedEncoderWeights
{
    private static readonly byte[] Magic = "RMCRIT01"u8.ToArray();

    private FineTunedEncoderWeights(string description, IReadOnlyDictionary<string, (float[] Values, long[] Shape)> tensors)
    {
        Description = description;
        Tensors = tensors;
    }

    /// <summary>How the weights were trained (seed, passes, data sizes), as the recipe wrote it.</summary>
    public string Description { get; }

    /// <summary>Initializer name → dequantised values and shape.</summary>
    public IReadOnlyDictionary<string, (float[] Values, long[] Shape)> Tensors { get; }

    /// <summary>Reads the file's bytes; a damaged or foreign file is an <see cref="InvalidDataException"/>.</summary>
    public static FineTunedEncoderWeights Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 12 || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a fine-tuned encoder file (RMCRIT01).");
        }

        var position = Magic.Length;
        var description = Encoding.UTF8.GetString(Take(bytes, ref position, Int(bytes, ref position)));
        var count = Int(bytes, ref position);
        var tensors = new Dictionary<string, (float[], long[])>(StringComparer.Ordinal);
        for (var t = 0; t < count; t++)
        {
            var name = Encoding.UTF8.GetString(Take(bytes, ref position, Int(bytes, ref position)));
            var quantised = Int(bytes, ref position) == 1;
            var shape = new long[Int(bytes, ref position)];
            for (var d = 0; d < shape.Length; d++)
            {
                shape[d] = Int(bytes, ref position);
            }

            var length = checked((int)shape.Aggregate(1L, (a, b) => a * b));
            var values = new float[length];
            if (quantised)
            {
                // [in, out] layout: element (i, j) = q[i, j] * scale[j].
                var columns = (int)shape[^1];
                var scales = Floats(Take(bytes, ref position, columns * 4));
                var q = Take(bytes, ref position, length);
                for (var k = 0; k < length; k++)
                {
                    values[k] = (sbyte)q[k] * scales[k % columns];
                }
            }
            else
            {
                Floats(Take(bytes, ref position, length * 4)).CopyTo(values, 0);
            }

            tensors[name] = (values, shape);
        }

        return new FineTunedEncoderWeights(description, tensors);
    }

    private static int Int(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(Take(bytes, ref position, 4));
        return value >= 0 ? value : throw new InvalidDataException("Negative length in a fine-tuned encoder file.");
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int position, int length)
    {
        if (length < 0 || position + length > bytes.Length)
        {
            throw new InvalidDataException("Truncated fine-tuned encoder file.");
        }

        var slice = bytes.Slice(position, length);
        position += length;
        return slice;
    }

    private static float[] Floats(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / 4];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(k * 4, 4));
        }

        return values;
    }
}
