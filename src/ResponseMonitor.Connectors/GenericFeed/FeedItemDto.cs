namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>One item of the generic feed, as on the wire (docs/GENERIC_FEED.md).</summary>
public sealed class FeedItemDto
{
    public string? Id { get; set; }

    public string? ParentId { get; set; }

    public string? Kind { get; set; }

    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }
}
