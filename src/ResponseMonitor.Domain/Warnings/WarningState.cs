namespace ResponseMonitor.Domain.Warnings;

/// <summary>Where a warning is in its lifecycle.</summary>
public enum WarningState
{
    /// <summary>The condition holds but has not yet held for the rule's <c>for</c> delay; nothing is sent.</summary>
    Pending,

    /// <summary>Notified; reminders follow every repeat interval.</summary>
    Firing,

    /// <summary>Was firing; the condition ended and a resolved notice was sent.</summary>
    Resolved,

    /// <summary>Was pending; the condition ended before it fired (a flap), so nobody was told.</summary>
    Inactive,
}
