namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>One item of the generic feed, as on the wire (docs/GENERIC_FEED.md).</summary>
public sealed class FeedItemDto
{
    public string? Id { get; set; }

    public string? ParentId { get; set; }

    public string? Kind { get; set; }

    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>Kept as text so that an instant without its offset is refused rather than guessed.</summary>
    public string? CreatedAt { get; set; }

    public string? EditedAt { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }

    /// <summary><c>visible</c> (the default), <c>hidden</c> or <c>deleted</c>.</summary>
    public string? State { get; set; }
}
