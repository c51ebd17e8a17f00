namespace ResponseMonitor.Connectors.X;

/// <summary>A page of tweets with its expansions and meta.</summary>
internal sealed class XPageDto
{
    public List<XTweetDto>? Data { get; set; }

    public XIncludesDto? Includes { get; set; }

    public XMetaDto? Meta { get; set; }
}
