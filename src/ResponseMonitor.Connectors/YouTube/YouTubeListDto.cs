namespace ResponseMonitor.Connectors.YouTube;

/// <summary>A youtube#…ListResponse page.</summary>
internal sealed class YouTubeListDto<T>
{
    public List<T>? Items { get; set; }

    public string? NextPageToken { get; set; }
}
