namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// The lexicon's verdict as a few numbers a model can weigh beside the text's embedding: its score (squashed), its
/// label, and which kinds of cue it found. The stack learns how far to trust the word lists.
/// </summary>
internal static class LexiconSignals
{
    public const int Count = 8;

    public static double[] Of(CriticVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var signals = new double[Count];
        signals[0] = Math.Tanh(verdict.Score / 2);
        signals[1] = verdict.IsCritical ? 1 : 0;
        signals[2] = Math.Min(3, verdict.Cues.Count(c => c.StartsWith("complaint:", StringComparison.Ordinal))) / 3.0;
        signals[3] = verdict.Cues.Any(c => c.StartsWith("phrase:", StringComparison.Ordinal)) ? 1 : 0;
        signals[4] = verdict.Cues.Any(c => c.StartsWith("negative:", StringComparison.Ordinal) || c.StartsWith("negated:", StringComparison.Ordinal)) ? 1 : 0;
        signals[5] = verdict.Cues.Any(c => c.StartsWith("positive:", StringComparison.Ordinal)) ? 1 : 0;
        signals[6] = verdict.Cues.Any(c => c.StartsWith("negation:", StringComparison.Ordinal) || c.StartsWith("duration:", StringComparison.Ordinal)) ? 1 : 0;
        signals[7] = verdict.Cues.Any(c => c.StartsWith("shape:report", StringComparison.Ordinal)) ? 1 : 0;
        return signals;
    }
}
