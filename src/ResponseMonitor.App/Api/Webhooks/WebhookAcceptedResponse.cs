namespace ResponseMonitor.App.Api.Webhooks;

/// <param name="ChannelId">The channel the delivery was for.</param>
/// <param name="Stored">Items stored from the delivery.</param>
internal sealed record WebhookAcceptedResponse(string ChannelId, int Stored)
{
    /// <summary>Entries skipped because they belong to another page or account of the same Meta app.</summary>
    public int Skipped { get; init; }

    /// <summary>Items older than the channel's retention: skipped, not stored (docs/PRIVACY.md).</summary>
    public int BeyondRetention { get; init; }

    public string? BeyondRetentionReason { get; init; }
    /// <summary>Stored items the delivery deleted, hid or showed again (Meta's remove, hide and unhide).</summary>
    public int Changed { get; init; }
}
