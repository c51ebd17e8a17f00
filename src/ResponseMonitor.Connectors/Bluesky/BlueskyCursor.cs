namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>The newest indexedAt seen on each timeline; stored as the channel's cursor (JSON).</summary>
internal sealed class BlueskyCursor
{
    public DateTimeOffset? FeedSince { get; set; }

    public DateTimeOffset? NotificationsSince { get; set; }

    /// <summary>The brand's posts inside the thread look-back: their threads are read again every poll.</summary>
    public List<BlueskyThreadRoot> Threads { get; set; } = [];
}
