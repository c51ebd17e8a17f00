using System.Reflection;
using System.Text.Json;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// The models that ship with the product, one per language that has licence-clean training data (docs/DETECTION.md):
/// English (<c>en.head.json</c>, a head over the embeddings of all-MiniLM-L6-v2 fine-tuned for critics,
/// <c>en.minilm.bin</c>) and German (<c>de.stack.bin</c>, a linear stack). scripts/train-critics.sh rebuilds them. The
/// MiniLM session itself loads on the first English verdict, once per process; without the package's DLL beside the
/// app, English keeps the lexicon's verdicts.
/// </summary>
public static class ShippedCriticModels
{
    public const string EnglishHead = "en.head.json";
    public const string GermanStack = "de.stack.bin";
    public const string EnglishEncoder = "en.minilm.bin";

    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => new MiniLmEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    // The fine-tuned weights are read on the first English verdict, not at start-up: 11 MB, dequantised to 42 MB.
    private static readonly Lazy<MiniLmEncoder> FineTuned = new(
        () => new MiniLmEncoder(weights: () => Read(EnglishEncoder) is { } bytes ? FineTunedEncoderWeights.Read(bytes) : null),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The published all-MiniLM-L6-v2, loaded once per process and shared: a brand's own head is trained over its
    /// embeddings (<see cref="Learning.CriticModelTrainer"/>), so they stay comparable whatever the shipped model is.
    /// </summary>
    public static MiniLmEncoder SharedEncoder => Encoder.Value;

    /// <summary>The encoder the shipped English head reads: the fine-tuned weights when they ship, else the published ones.</summary>
    public static MiniLmEncoder EnglishModelEncoder => HasFineTunedEncoder ? FineTuned.Value : Encoder.Value;

    /// <summary>Whether <c>en.minilm.bin</c> ships in this build.</summary>
    public static bool HasFineTunedEncoder { get; } = typeof(ShippedCriticModels).Assembly.GetManifestResourceInfo(ResourcePrefix + EnglishEncoder) is not null;

    private const string ResourcePrefix = "ResponseMonitor.Domain.Critics.Models.";

    public static IReadOnlyList<ILanguageCriticModel> Load()
    {
        var models = new List<ILanguageCriticModel>();
        if (ReadHead(EnglishHead) is { } head && MiniLmEncoder.IsAvailable())
        {
            models.Add(new EmbeddingCriticModel(EnglishModelEncoder, head));
        }

        if (Read(GermanStack) is { } stack)
        {
            models.Add(new LinearStackCriticModel("de", CriticModel.FromBytes(stack)));
        }

        return models;
    }

    public static EmbeddingCriticHead? ReadHead(string name) =>
        Read(name) is { } bytes ? JsonSerializer.Deserialize(bytes, CriticModelsJsonContext.Default.EmbeddingCriticHead) : null;

    private static byte[]? Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
