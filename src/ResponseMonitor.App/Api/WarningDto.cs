namespace ResponseMonitor.App.Api;

public sealed record WarningDto(
    string ChannelId,
    string Rule,
    string Subject,
    string Severity,
    string State,
    string Message,
    string? ItemUrl,
    DateTimeOffset Since,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    int TimesRaised);
