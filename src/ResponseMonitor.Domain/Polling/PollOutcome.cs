namespace ResponseMonitor.Domain.Polling;

/// <summary>How one channel's poll ended.</summary>
public sealed record PollOutcome(string ChannelId, bool Succeeded, int ItemsStored, int PagesStored, string? Error)
{
    /// <summary>Items read that were older than the channel's retention: skipped, not stored, the cursor moved past them.</summary>
    public int BeyondRetention { get; init; }
}
