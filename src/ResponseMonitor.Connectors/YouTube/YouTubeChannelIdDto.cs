namespace ResponseMonitor.Connectors.YouTube;

/// <summary>The <c>{"value": "UC…"}</c> wrapper of a channel id.</summary>
public sealed class YouTubeChannelIdDto
{
    public string? Value { get; set; }
}
