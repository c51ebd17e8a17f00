namespace ResponseMonitor.Domain.Warnings;

public enum WarningSeverity
{
    Warning,
    Critical,
}
