namespace ResponseMonitor.Connectors.TikTok;

/// <summary>One of the account's videos, with the fields the connector asks for (<c>fields=["item_id","create_time","caption","share_url","comments"]</c>).</summary>
internal sealed class TikTokVideoDto
{
    public string? ItemId { get; set; }

    /// <summary>Unix seconds; sent as a number or a string (the SDK model types it as a string).</summary>
    public long? CreateTime { get; set; }

    public string? Caption { get; set; }

    public string? ShareUrl { get; set; }

    public long? Comments { get; set; }
}
