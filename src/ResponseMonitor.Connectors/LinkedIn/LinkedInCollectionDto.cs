namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>A Rest.li collection: <c>{"paging": {"start", "count", "total"}, "elements": [...]}</c>.</summary>
internal sealed class LinkedInCollectionDto<T>
{
    public LinkedInPagingDto? Paging { get; set; }

    public List<T>? Elements { get; set; }
}
