namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.post#replyRef: the post replied to (parent) and the thread's root.</summary>
internal sealed class BlueskyReplyRefDto
{
    public BlueskyStrongRefDto? Root { get; set; }

    public BlueskyStrongRefDto? Parent { get; set; }
}
