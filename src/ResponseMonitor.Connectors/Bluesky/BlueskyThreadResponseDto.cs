namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.getPostThread output.</summary>
internal sealed class BlueskyThreadResponseDto
{
    public BlueskyThreadDto? Thread { get; set; }
}
