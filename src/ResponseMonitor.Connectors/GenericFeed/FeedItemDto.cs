namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>One item of the generic feed, as on the wire (docs/GENERIC_FEED.md).</summary>
public sealed class FeedItemDto
{
    /// <summary>The item's id, unique within the channel.</summary>
    public string? Id { get; set; }

    /// <summary>The id of the item this one answers; empty for a post.</summary>
    public string? ParentId { get; set; }

    /// <summary><c>post</c> or <c>comment</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The author's id, compared with the channel's brand author ids.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's display name, if the feed has one.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Kept as text so that an instant without its offset is refused rather than guessed.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>When the text was last changed, as ISO 8601 text with its offset; empty when never.</summary>
    public string? EditedAt { get; set; }

    /// <summary>What the author wrote.</summary>
    public string? Text { get; set; }

    /// <summary>Where a person opens the item to answer it.</summary>
    public string? Url { get; set; }

    /// <summary><c>visible</c> (the default), <c>hidden</c> or <c>deleted</c>.</summary>
    public string? State { get; set; }
}
