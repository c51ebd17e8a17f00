namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// What a detector says of one text: the label, a score (higher is more critical), the cues it found, and which
/// detector judged it (lexicon, model, brand-model, azure-language).
/// </summary>
public sealed record CriticVerdict(string Language, CriticLabel Label, double Score, IReadOnlyList<string> Cues)
{
    /// <summary>Whether the label is <see cref="CriticLabel.Critical"/>.</summary>
    public bool IsCritical => Label == CriticLabel.Critical;

    /// <summary>The detector that gave the verdict; the lexicon unless another one says so.</summary>
    public string Detector { get; init; } = LexiconCriticClassifier.DetectorName;
}
