namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>A page of the generic feed, and the body of a generic webhook push.</summary>
public sealed class FeedPageDto
{
    /// <summary>The page's items; missing or null makes the page invalid.</summary>
    public List<FeedItemDto>? Items { get; set; }

    /// <summary>The token to ask for the next page with; empty on the last page.</summary>
    public string? NextPageToken { get; set; }
}
