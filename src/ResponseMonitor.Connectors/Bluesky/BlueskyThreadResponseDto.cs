namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.getPostThread output.</summary>
public sealed class BlueskyThreadResponseDto
{
    public BlueskyThreadDto? Thread { get; set; }
}
