namespace ResponseMonitor.Domain.Critics;

public enum CriticLabel
{
    NotCritical,
    Critical,

    /// <summary>The text is in a language the detector does not know.</summary>
    Unclassified,
}
