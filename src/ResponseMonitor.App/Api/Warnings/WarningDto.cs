namespace ResponseMonitor.App.Api.Warnings;

internal sealed record WarningDto(
    string ChannelId,
    string Rule,
    string Subject,
    string Severity,
    string State,
    string Message,
    string? ItemUrl,
    DateTimeOffset Since,
    DateTimeOffset ObservedAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? LastNotifiedAt,
    DateTimeOffset UpdatedAt,
    int TimesFired);
