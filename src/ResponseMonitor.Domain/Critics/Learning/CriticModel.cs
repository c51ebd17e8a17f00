using System.Buffers.Binary;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// A logistic model over <see cref="CriticFeatures"/>, trained on one brand's labelled comments by
/// <see cref="CriticModelTrainer"/>: the probability that a text is critical, and the threshold chosen for it.
/// Stored as bytes (only the non-zero weights) with the report of how it was trained.
/// </summary>
public sealed class CriticModel(float[] weights, float bias, double threshold, CriticModelReport report)
{
    private const uint Magic = 0x4D43_4D52; // "RMCM"
    private const int Version = 1;

    public double Threshold => threshold;

    public CriticModelReport Report => report;

    public double Probability(SparseVector features) => Logistic(weights, bias, features);

    /// <summary>The logistic function of the weighted sum: shared with the trainer, which scores with weights in progress.</summary>
    internal static double Logistic(float[] weights, float bias, SparseVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double sum = bias;
        for (var k = 0; k < features.Indices.Length; k++)
        {
            sum += weights[features.Indices[k]] * features.Values[k];
        }

        return 1.0 / (1.0 + Math.Exp(-sum));
    }

    public byte[] ToBytes()
    {
        var nonZero = 0;
        foreach (var w in weights)
        {
            nonZero += w != 0 ? 1 : 0;
        }

        var reportBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, CriticModelJsonContext.Default.CriticModelReport);
        var bytes = new byte[24 + reportBytes.Length + (nonZero * 8)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteSingleLittleEndian(span[8..], bias);
        BinaryPrimitives.WriteDoubleLittleEndian(span[12..], threshold);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], reportBytes.Length);
        reportBytes.CopyTo(span[24..]);
        var at = 24 + reportBytes.Length;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[at..], i);
                BinaryPrimitives.WriteSingleLittleEndian(span[(at + 4)..], weights[i]);
                at += 8;
            }
        }

        return bytes;
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>; anything else is a <see cref="FormatException"/>.</summary>
    public static CriticModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new FormatException("Not a critic model.");
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) != Version)
        {
            throw new FormatException($"Critic model version {BinaryPrimitives.ReadInt32LittleEndian(bytes[4..])} is not supported; train the model again.");
        }

        var bias = BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]);
        var threshold = BinaryPrimitives.ReadDoubleLittleEndian(bytes[12..]);
        var reportLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        if (reportLength < 0 || 24 + reportLength > bytes.Length || (bytes.Length - 24 - reportLength) % 8 != 0)
        {
            throw new FormatException("The critic model is truncated.");
        }

        var report = System.Text.Json.JsonSerializer.Deserialize(bytes.Slice(24, reportLength), CriticModelJsonContext.Default.CriticModelReport)
            ?? throw new FormatException("The critic model has no report.");
        var weights = new float[CriticFeatures.Dimension];
        for (var at = 24 + reportLength; at < bytes.Length; at += 8)
        {
            var index = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            if ((uint)index >= (uint)weights.Length)
            {
                throw new FormatException("The critic model has a weight out of range.");
            }

            weights[index] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 4)..]);
        }

        return new CriticModel(weights, bias, threshold, report);
    }
}
