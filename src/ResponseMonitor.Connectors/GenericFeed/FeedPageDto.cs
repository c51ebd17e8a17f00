namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>A page of the generic feed, and the body of a generic webhook push.</summary>
public sealed class FeedPageDto
{
    public List<FeedItemDto>? Items { get; set; }

    public string? NextPageToken { get; set; }
}
