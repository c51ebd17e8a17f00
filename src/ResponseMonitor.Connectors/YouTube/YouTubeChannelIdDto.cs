namespace ResponseMonitor.Connectors.YouTube;

/// <summary>The <c>{"value": "UC…"}</c> wrapper of a channel id.</summary>
internal sealed class YouTubeChannelIdDto
{
    public string? Value { get; set; }
}
