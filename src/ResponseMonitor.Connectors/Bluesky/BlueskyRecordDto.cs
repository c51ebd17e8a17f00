namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.post (the record), in part.</summary>
internal sealed class BlueskyRecordDto
{
    public string? Text { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public BlueskyReplyRefDto? Reply { get; set; }
}
