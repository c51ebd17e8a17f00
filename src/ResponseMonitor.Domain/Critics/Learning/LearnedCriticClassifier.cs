namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// The built-in detector refined by a brand's own model: the lexicon still guesses the language, finds the cues and
/// applies the brand's rules (a rule's verdict stands); the model, which has learnt how this brand's public writes,
/// turns words and cues into the verdict. A language the lexicon cannot read stays unclassified.
/// </summary>
public sealed class LearnedCriticClassifier(ICriticClassifier builtIn, CriticModel model) : ICriticClassifier
{
    /// <summary>The name its verdicts carry.</summary>
    public const string DetectorName = "brand-model";

    public CriticModel Model => model;

    public string Name => DetectorName;

    /// <summary>The detector under it and the brand's model, by the instant it was trained (each training is a new model).</summary>
    public string Version => FormattableString.Invariant($"{builtIn.Version}+{DetectorName}:{model.Report.Brand}@{model.Report.TrainedAt.UtcTicks}");

    public CriticVerdict Classify(string text, string? languageHint = null)
    {
        var verdict = builtIn.Classify(text, languageHint);
        if (verdict.Label == CriticLabel.Unclassified || verdict.Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal)))
        {
            return verdict;
        }

        var probability = model.Probability(CriticFeatures.Extract(text, verdict));
        var label = probability >= model.Threshold ? CriticLabel.Critical : CriticLabel.NotCritical;
        return new CriticVerdict(verdict.Language, label, Math.Round(probability, 3), [.. verdict.Cues, "model:" + model.Report.Brand]) { Detector = DetectorName };
    }
}
