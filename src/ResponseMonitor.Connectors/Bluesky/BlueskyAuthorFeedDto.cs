namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.getAuthorFeed output.</summary>
internal sealed class BlueskyAuthorFeedDto
{
    public List<BlueskyFeedItemDto>? Feed { get; set; }

    public string? Cursor { get; set; }
}
