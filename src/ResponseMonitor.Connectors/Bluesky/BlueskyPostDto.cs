namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.defs#postView, in part.</summary>
internal sealed class BlueskyPostDto
{
    public string? Uri { get; set; }

    public BlueskyAuthorDto? Author { get; set; }

    public BlueskyRecordDto? Record { get; set; }

    public DateTimeOffset? IndexedAt { get; set; }
}
