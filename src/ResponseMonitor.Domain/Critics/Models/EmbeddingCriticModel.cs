using System.Collections.Concurrent;
using System.Globalization;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// The English model: a text's MiniLM embedding and the lexicon's signals, weighed by <see cref="EmbeddingCriticHead"/>.
/// The verdict keeps the lexicon's cues, so a reader still sees why, and adds <c>model: 0.87</c>. An embedding costs
/// milliseconds where the lexicon costs microseconds, so verdicts are remembered by text: a comment analysed again is
/// not embedded again, and an edited one (new text) is.
/// </summary>
public sealed class EmbeddingCriticModel(MiniLmEncoder encoder, EmbeddingCriticHead head) : ILanguageCriticModel
{
    /// <summary>Texts whose probability is remembered; beyond this the memory starts again (bounded, never a leak).</summary>
    public const int RememberedTexts = 50_000;

    private readonly ConcurrentDictionary<string, double> _probabilities = new(StringComparer.Ordinal);

    public string Language => head.Language;

    public EmbeddingCriticHead Head => head;

    public IReadOnlyList<CriticVerdict> Refine(IReadOnlyList<string> texts, IReadOnlyList<CriticVerdict> lexiconVerdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(lexiconVerdicts);
        var probabilities = new double[texts.Count];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!_probabilities.TryGetValue(Key(texts[i], lexiconVerdicts[i]), out probabilities[i]))
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var embeddings = encoder.Embed([.. missing.Select(i => texts[i])], cancellationToken);
            if (_probabilities.Count + missing.Count > RememberedTexts)
            {
                _probabilities.Clear();
            }

            for (var k = 0; k < missing.Count; k++)
            {
                var i = missing[k];
                probabilities[i] = head.Probability(embeddings[k], LexiconSignals.Of(lexiconVerdicts[i]));
                _probabilities[Key(texts[i], lexiconVerdicts[i])] = probabilities[i];
            }
        }

        var verdicts = new CriticVerdict[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            verdicts[i] = BuiltInCriticClassifier.ModelVerdict(lexiconVerdicts[i], probabilities[i], head.Threshold);
        }

        return verdicts;
    }

    // The lexicon's score is part of the key: the same text under another brand's rules or hint may read differently.
    private static string Key(string text, CriticVerdict lexicon) =>
        string.Create(CultureInfo.InvariantCulture, $"{lexicon.Score:R}|{text}");
}
