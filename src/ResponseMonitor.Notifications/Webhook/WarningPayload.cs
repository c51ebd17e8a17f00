namespace ResponseMonitor.Notifications.Webhook;

/// <summary>The JSON a webhook receives for each warning transition.</summary>
public sealed record WarningPayload(
    string NotificationId,
    string Event,
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
    DateTimeOffset CreatedAt);
