namespace ResponseMonitor.Domain.Critics;

/// <summary>What the detector says of one text: the label, a score (higher is more critical) and the cues it found.</summary>
public sealed record CriticVerdict(string Language, CriticLabel Label, double Score, IReadOnlyList<string> Cues)
{
    public bool IsCritical => Label == CriticLabel.Critical;
}
