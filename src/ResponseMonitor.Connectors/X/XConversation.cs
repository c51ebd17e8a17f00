namespace ResponseMonitor.Connectors.X;

/// <summary>A brand post whose conversation is searched again each poll while it is inside the look-back.</summary>
internal sealed class XConversation
{
    public string Id { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The newest reply read (<c>since_id</c> of the next search); null before the first.</summary>
    public string? Since { get; set; }
}
