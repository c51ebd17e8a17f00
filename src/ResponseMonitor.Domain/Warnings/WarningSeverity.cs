namespace ResponseMonitor.Domain.Warnings;

/// <summary>Ordered: a firing warning whose severity rises is escalated.</summary>
public enum WarningSeverity
{
    /// <summary>Worth knowing; no one need act now.</summary>
    Info,

    /// <summary>Someone should act soon.</summary>
    Warning,

    /// <summary>Someone should act now.</summary>
    Critical,
}
