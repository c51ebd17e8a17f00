using System.Buffers.Binary;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// A logistic model over <see cref="CriticFeatures"/>, trained on one brand's labelled comments by
/// <see cref="CriticModelTrainer"/>: the probability that a text is critical, and the threshold chosen for it.
/// Stored as bytes (only the non-zero weights) with the report of how it was trained, and, when one was chosen over
/// the linear model for English, the brand's head over MiniLM embeddings (<see cref="Head"/>).
/// </summary>
public sealed class CriticModel(float[] weights, float bias, double threshold, CriticModelReport report, EmbeddingCriticHead? head = null)
{
    private const uint Magic = 0x4D43_4D52; // "RMCM"

    // Version 1: no head. Version 2 adds the head's length to the header and its JSON after the report.
    private const int Version = 1;
    private const int VersionWithHead = 2;

    /// <summary>The probability at or above which a text is critical.</summary>
    public double Threshold => threshold;

    /// <summary>How the model was trained and how well it did.</summary>
    public CriticModelReport Report => report;

    /// <summary>The brand's head over MiniLM embeddings, which judges texts of its language; null when the linear model judges all.</summary>
    public EmbeddingCriticHead? Head => head;

    /// <summary>The probability that a text with these features is critical.</summary>
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

    /// <summary>The model as stored in its brand's blob.</summary>
    public byte[] ToBytes()
    {
        var nonZero = 0;
        foreach (var w in weights)
        {
            nonZero += w != 0 ? 1 : 0;
        }

        var reportBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, CriticModelJsonContext.Default.CriticModelReport);
        var headBytes = head is null ? [] : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(head, Models.CriticModelsJsonContext.Default.EmbeddingCriticHead);
        var header = head is null ? 24 : 28;
        var bytes = new byte[header + reportBytes.Length + headBytes.Length + (nonZero * 8)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], head is null ? Version : VersionWithHead);
        BinaryPrimitives.WriteSingleLittleEndian(span[8..], bias);
        BinaryPrimitives.WriteDoubleLittleEndian(span[12..], threshold);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], reportBytes.Length);
        if (head is not null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[24..], headBytes.Length);
        }

        reportBytes.CopyTo(span[header..]);
        headBytes.CopyTo(span[(header + reportBytes.Length)..]);
        var at = header + reportBytes.Length + headBytes.Length;
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

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version is not (Version or VersionWithHead))
        {
            throw new FormatException($"Critic model version {version} is not supported; train the model again.");
        }

        var header = version == VersionWithHead ? 28 : 24;
        var bias = BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]);
        var threshold = BinaryPrimitives.ReadDoubleLittleEndian(bytes[12..]);
        var reportLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        var headLength = version == VersionWithHead && bytes.Length >= header ? BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]) : 0;
        if (reportLength < 0 || headLength < 0 || (long)header + reportLength + headLength > bytes.Length || (bytes.Length - header - reportLength - headLength) % 8 != 0)
        {
            throw new FormatException("The critic model is truncated.");
        }

        CriticModelReport? report;
        EmbeddingCriticHead? head = null;
        try
        {
            report = System.Text.Json.JsonSerializer.Deserialize(bytes.Slice(header, reportLength), CriticModelJsonContext.Default.CriticModelReport);
            if (headLength > 0)
            {
                head = System.Text.Json.JsonSerializer.Deserialize(bytes.Slice(header + reportLength, headLength), Models.CriticModelsJsonContext.Default.EmbeddingCriticHead);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException("The critic model's report or head is damaged.", ex);
        }

        if (report is null)
        {
            throw new FormatException("The critic model has no report.");
        }

        if (head is not null && head.Weights.Count != head.Dimension)
        {
            throw new FormatException("The critic model's head has the wrong number of weights.");
        }

        var weights = new float[CriticFeatures.Dimension];
        for (var at = header + reportLength + headLength; at < bytes.Length; at += 8)
        {
            var index = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            if ((uint)index >= (uint)weights.Length)
            {
                throw new FormatException("The critic model has a weight out of range.");
            }

            weights[index] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 4)..]);
        }

        return new CriticModel(weights, bias, threshold, report, head);
    }
}
