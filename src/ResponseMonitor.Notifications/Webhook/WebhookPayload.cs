namespace ResponseMonitor.Notifications.Webhook;

/// <summary>The JSON a webhook receives: the events of one channel and rule, grouped. Schema in docs/WARNINGS.md.</summary>
internal sealed record WebhookPayload(
    string GroupId,
    string ChannelId,
    string ChannelName,
    string Language,
    string Rule,
    IReadOnlyList<WebhookNotification> Notifications);
