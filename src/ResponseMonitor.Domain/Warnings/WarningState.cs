namespace ResponseMonitor.Domain.Warnings;

public enum WarningState
{
    Active,
    Resolved,
}
