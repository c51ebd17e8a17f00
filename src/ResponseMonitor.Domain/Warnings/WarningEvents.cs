namespace ResponseMonitor.Domain.Warnings;

/// <summary>What happened to a warning; every event is kept as history, the notifying ones are also delivered.</summary>
public static class WarningEvents
{
    public const string Pending = "pending";
    public const string Firing = "firing";
    public const string Escalated = "escalated";
    public const string Reminder = "reminder";
    public const string Resolved = "resolved";

    /// <summary>A pending warning whose condition ended before its <c>for</c> delay: a flap nobody is told about.</summary>
    public const string Inactive = "inactive";
}
