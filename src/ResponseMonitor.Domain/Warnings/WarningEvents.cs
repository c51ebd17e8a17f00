namespace ResponseMonitor.Domain.Warnings;

/// <summary>What happened to a warning; every event is kept as history, the notifying ones are also delivered.</summary>
public static class WarningEvents
{
    /// <summary>The condition started holding.</summary>
    public const string Pending = "pending";

    /// <summary>The warning fired.</summary>
    public const string Firing = "firing";

    /// <summary>A firing warning became more severe.</summary>
    public const string Escalated = "escalated";

    /// <summary>A firing warning was sent again after the repeat interval.</summary>
    public const string Reminder = "reminder";

    /// <summary>The condition ended.</summary>
    public const string Resolved = "resolved";

    /// <summary>A pending warning whose condition ended before its <c>for</c> delay: a flap nobody is told about.</summary>
    public const string Inactive = "inactive";
}
