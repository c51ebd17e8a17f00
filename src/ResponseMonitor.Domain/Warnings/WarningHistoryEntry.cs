namespace ResponseMonitor.Domain.Warnings;

/// <summary>One event in a warning's life, as kept and listed through the API.</summary>
public sealed record WarningHistoryEntry(
    string ChannelId,
    string Rule,
    string Subject,
    string Event,
    WarningState State,
    WarningSeverity Severity,
    DateTimeOffset At,
    string Message);
