namespace ResponseMonitor.App.Api.Notifications;

internal sealed record DeliveryDto(
    string Id,
    string ChannelId,
    string Sink,
    string Event,
    string Rule,
    string Subject,
    string Severity,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? HeldBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);
