namespace ResponseMonitor.Connectors.Meta;

/// <summary>The newest item time seen, in Unix seconds; stored as the channel's cursor (JSON).</summary>
internal sealed class MetaCursor
{
    public long? Since { get; set; }
}
