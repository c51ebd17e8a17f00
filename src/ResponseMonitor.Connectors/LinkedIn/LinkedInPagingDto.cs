namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>A collection's paging; <c>total</c> may be absent on some finders.</summary>
internal sealed class LinkedInPagingDto
{
    public int Start { get; set; }

    public int Count { get; set; }

    public int? Total { get; set; }
}
