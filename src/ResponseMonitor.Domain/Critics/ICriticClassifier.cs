namespace ResponseMonitor.Domain.Critics;

/// <summary>Tells critics from the rest. The built-in one is deterministic and local: no network at run time.</summary>
public interface ICriticClassifier
{
    CriticVerdict Classify(string text);

    /// <summary>
    /// Classifies a text written, most likely, in <paramref name="languageHint"/> (the channel's language): the hint breaks
    /// ties and rescues short texts with no telling words; clear evidence of another language still wins.
    /// </summary>
    CriticVerdict Classify(string text, string? languageHint) => Classify(text);
}
