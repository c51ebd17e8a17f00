namespace ResponseMonitor.Connectors.YouTube;

/// <summary>The newest comment time seen; stored as the channel's cursor (JSON).</summary>
internal sealed class YouTubeCursor
{
    public DateTimeOffset? Since { get; set; }
}
