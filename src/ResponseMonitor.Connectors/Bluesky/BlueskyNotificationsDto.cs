namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.notification.listNotifications output.</summary>
internal sealed class BlueskyNotificationsDto
{
    public List<BlueskyNotificationDto>? Notifications { get; set; }

    public string? Cursor { get; set; }
}
