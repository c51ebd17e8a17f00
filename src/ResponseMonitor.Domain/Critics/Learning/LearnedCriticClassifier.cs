using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// The built-in detector refined by a brand's own model: the lexicon still guesses the language, finds the cues and
/// applies the brand's rules (a rule's verdict stands); the model, which has learnt how this brand's public writes,
/// turns words and cues into the verdict: the brand's head over MiniLM embeddings for its language when the model has
/// one (and the weights are here), else the linear model. A language the lexicon cannot read stays unclassified.
/// </summary>
public sealed class LearnedCriticClassifier(ICriticClassifier builtIn, CriticModel model, MiniLmEncoder? encoder = null) : ICriticClassifier
{
    /// <summary>The name its verdicts carry.</summary>
    public const string DetectorName = "brand-model";

    private readonly EmbeddingCriticHead? _head = encoder is null ? null : model.Head;

    /// <summary>The brand's trained model.</summary>
    public CriticModel Model => model;

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>The detector under it and the brand's model, by the instant it was trained (each training is a new model), and whether its head judges.</summary>
    public string Version => FormattableString.Invariant($"{builtIn.Version}+{DetectorName}:{model.Report.Brand}@{model.Report.TrainedAt.UtcTicks}{(_head is null ? "" : "+head")}");

    /// <inheritdoc/>
    public CriticVerdict Classify(string text, string? languageHint = null)
    {
        var verdict = builtIn.Classify(text, languageHint);
        return Judged(verdict) switch
        {
            Judge.BuiltIn => verdict,
            Judge.Head => Verdict(verdict, _head!.Probability(encoder!.Embed([text], CancellationToken.None)[0], LexiconSignals.Of(verdict)), _head.Threshold),
            _ => Linear(text, verdict),
        };
    }

    /// <summary>The texts in order; those the head judges are embedded together.</summary>
    public Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var verdicts = texts.Select(t => builtIn.Classify(t, languageHint)).ToArray();
        var byHead = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            switch (Judged(verdicts[i]))
            {
                case Judge.Head: byHead.Add(i); break;
                case Judge.Linear: verdicts[i] = Linear(texts[i], verdicts[i]); break;
            }
        }

        if (byHead.Count > 0)
        {
            var embeddings = encoder!.Embed([.. byHead.Select(i => texts[i])], cancellationToken);
            for (var k = 0; k < byHead.Count; k++)
            {
                var i = byHead[k];
                verdicts[i] = Verdict(verdicts[i], _head!.Probability(embeddings[k], LexiconSignals.Of(verdicts[i])), _head.Threshold);
            }
        }

        return Task.FromResult<IReadOnlyList<CriticVerdict>>(verdicts);
    }

    private enum Judge
    {
        BuiltIn,
        Linear,
        Head,
    }

    private Judge Judged(CriticVerdict verdict) =>
        verdict.Label == CriticLabel.Unclassified || verdict.Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal)) ? Judge.BuiltIn
        : _head is not null && verdict.Language == _head.Language ? Judge.Head
        : Judge.Linear;

    private CriticVerdict Linear(string text, CriticVerdict verdict) =>
        Verdict(verdict, model.Probability(CriticFeatures.Extract(text, verdict)), model.Threshold);

    private CriticVerdict Verdict(CriticVerdict verdict, double probability, double threshold) =>
        new(verdict.Language, probability >= threshold ? CriticLabel.Critical : CriticLabel.NotCritical, Math.Round(probability, 3), [.. verdict.Cues, "model:" + model.Report.Brand])
        {
            Detector = DetectorName,
        };
}
