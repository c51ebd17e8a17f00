namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>High-water marks of the two timelines the connector reads; stored as the channel's cursor (JSON).</summary>
internal sealed class MastodonCursor
{
    public string? StatusesSince { get; set; }

    public string? NotificationsSince { get; set; }
}
