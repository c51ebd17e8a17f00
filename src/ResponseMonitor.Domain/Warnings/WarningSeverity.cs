namespace ResponseMonitor.Domain.Warnings;

/// <summary>Ordered: a firing warning whose severity rises is escalated.</summary>
public enum WarningSeverity
{
    Info,
    Warning,
    Critical,
}
