using System.Reflection;
using System.Text.Json;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// The models that ship with the product, one per language that has licence-clean training data (docs/DETECTION.md):
/// English (<c>en.head.json</c>, a head over MiniLM embeddings) and German (<c>de.stack.bin</c>, a linear stack).
/// scripts/train-critics.sh rebuilds both. The MiniLM session itself loads on the first English verdict, once per
/// process; without the package's DLL beside the app, English keeps the lexicon's verdicts.
/// </summary>
public static class ShippedCriticModels
{
    /// <summary>The resource holding the English head.</summary>
    public const string EnglishHead = "en.head.json";

    /// <summary>The resource holding the German stack.</summary>
    public const string GermanStack = "de.stack.bin";

    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => new MiniLmEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The one encoder of the process: its session is loaded once and shared.</summary>
    public static MiniLmEncoder SharedEncoder => Encoder.Value;

    /// <summary>The shipped models that can run here: English only when the MiniLM package's DLL is present.</summary>
    public static IReadOnlyList<ILanguageCriticModel> Load()
    {
        var models = new List<ILanguageCriticModel>();
        if (ReadHead(EnglishHead) is { } head && MiniLmEncoder.IsAvailable())
        {
            models.Add(new EmbeddingCriticModel(SharedEncoder, head));
        }

        if (Read(GermanStack) is { } stack)
        {
            models.Add(new LinearStackCriticModel("de", CriticModel.FromBytes(stack)));
        }

        return models;
    }

    /// <summary>Reads a shipped head by resource name; null when there is none.</summary>
    public static EmbeddingCriticHead? ReadHead(string name) =>
        Read(name) is { } bytes ? JsonSerializer.Deserialize(bytes, CriticModelsJsonContext.Default.EmbeddingCriticHead) : null;

    private static byte[]? Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ResponseMonitor.Domain.Critics.Models." + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
