namespace ResponseMonitor.Domain.Critics;

/// <summary>What a critic detector says of a text.</summary>
public enum CriticLabel
{
    /// <summary>No sign that the author is unhappy with the brand.</summary>
    NotCritical,

    /// <summary>The author complains or is unhappy with the brand.</summary>
    Critical,

    /// <summary>The text is in a language the detector does not know.</summary>
    Unclassified,
}
