namespace ResponseMonitor.App.Api.Warnings;

public sealed record WarningHistoryDto(string ChannelId, string Rule, string Subject, string Event, string State, string Severity, DateTimeOffset At, string Message);
