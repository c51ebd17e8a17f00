namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>The part of a Mastodon Notification entity the monitor reads.</summary>
internal sealed class MastodonNotificationDto
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public MastodonStatusDto? Status { get; set; }
}
