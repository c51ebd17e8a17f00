namespace ResponseMonitor.App.Api.Warnings;

internal sealed record WarningHistoryDto(string ChannelId, string Rule, string Subject, string Event, string State, string Severity, DateTimeOffset At, string Message);
