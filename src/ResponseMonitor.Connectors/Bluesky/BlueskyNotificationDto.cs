namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.notification.listNotifications#notification, in part.</summary>
internal sealed class BlueskyNotificationDto
{
    public string? Uri { get; set; }

    public BlueskyAuthorDto? Author { get; set; }

    public string? Reason { get; set; }

    public BlueskyRecordDto? Record { get; set; }

    public DateTimeOffset? IndexedAt { get; set; }
}
