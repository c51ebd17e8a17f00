using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// A shipped model for a language without a transformer here (German): the same logistic stack as a brand's own
/// model (<see cref="CriticFeatures"/>: words, word pairs, letter 4-grams and the lexicon's cues and score), trained
/// by the same recipe on licence-clean public labels. Microseconds a text, so nothing is remembered. It learnt from
/// tweets: a text much longer than a tweet (a forum post, a news article) keeps the lexicon's verdict.
/// </summary>
internal sealed class LinearStackCriticModel(string language, CriticModel model) : ILanguageCriticModel
{
    /// <summary>Words beyond which a text is outside what the model learnt from (tweets, at most about 50 words).</summary>
    public const int MaxWords = 50;

    public string Language => language;

    public CriticModel Model => model;

    public IReadOnlyList<CriticVerdict> Refine(IReadOnlyList<string> texts, IReadOnlyList<CriticVerdict> lexiconVerdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(lexiconVerdicts);
        var verdicts = new CriticVerdict[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > MaxWords)
            {
                verdicts[i] = lexiconVerdicts[i];
                continue;
            }

            verdicts[i] = BuiltInCriticClassifier.ModelVerdict(lexiconVerdicts[i], model.Probability(CriticFeatures.Extract(texts[i], lexiconVerdicts[i])), model.Threshold);
        }

        return verdicts;
    }
}
