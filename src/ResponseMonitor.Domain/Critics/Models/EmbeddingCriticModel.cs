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

    /// <summary>
    /// The probability a text with no lexicon cue at all needs to be called critical. The head learned from reviews
    /// and complaints, not from plain questions, and puts "Are these boots waterproof?" near its threshold; a
    /// community manager must not see ordinary questions flagged as critics, so the model alone needs strong evidence.
    /// </summary>
    public const double CuelessThreshold = 0.75;

    private readonly ConcurrentDictionary<string, double> _probabilities = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Language => head.Language;

    private long _embedded;

    /// <summary>The trained head this model applies.</summary>
    public EmbeddingCriticHead Head => head;

    /// <summary>Texts this model has embedded: what verdicts kept with the items spare (docs/DETECTION.md).</summary>
    public long TextsEmbedded => Interlocked.Read(ref _embedded);

    /// <inheritdoc/>
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
            Interlocked.Add(ref _embedded, missing.Count);
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
            var threshold = lexiconVerdicts[i].Cues.Count == 0 ? Math.Max(head.Threshold, CuelessThreshold) : head.Threshold;
            verdicts[i] = BuiltInCriticClassifier.ModelVerdict(lexiconVerdicts[i], probabilities[i], threshold);
        }

        return verdicts;
    }

    // The lexicon's score is part of the key: the same text under another brand's rules or hint may read differently.
    private static string Key(string text, CriticVerdict lexicon) =>
        string.Create(CultureInfo.InvariantCulture, $"{lexicon.Score:R}|{text}");
}
