namespace ResponseMonitor.Domain.Warnings;

/// <summary>One change to one warning: its new state, the event, and whether sinks are told.</summary>
public sealed record WarningTransition(WarningRecord Warning, string Event, bool Notify);
