namespace ResponseMonitor.Notifications.Webhook;

/// <summary>One warning event in a webhook message. Receivers dedupe on <see cref="NotificationId"/>.</summary>
internal sealed record WebhookNotification(
    string NotificationId,
    string Event,
    string Rule,
    string Subject,
    string Severity,
    string State,
    string Message,
    string? ItemUrl,
    DateTimeOffset Since,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset CreatedAt);
