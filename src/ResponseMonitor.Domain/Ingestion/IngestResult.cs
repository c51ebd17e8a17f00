namespace ResponseMonitor.Domain.Ingestion;

/// <summary>What one ingestion stored: how many items, and the brand's latest activity among them (null: none).</summary>
public sealed record IngestResult(int Stored, DateTimeOffset? LatestBrandActivity)
{
    /// <summary>
    /// Items created before the channel's retention (docs/PRIVACY.md) that were skipped rather than stored for the
    /// daily sweep to delete: their ids, at most one batch of them.
    /// </summary>
    public IReadOnlyList<string> BeyondRetention { get; init; } = [];

    /// <summary>Why <see cref="BeyondRetention"/> items were skipped, with the cut-off; null when none were.</summary>
    public string? BeyondRetentionReason { get; init; }

    /// <summary>The sentence that explains a skip past retention, the same on every path.</summary>
    public static string RetentionReason(Channels.ChannelDefinition channel, DateTimeOffset retainedFrom)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"created before {retainedFrom:yyyy-MM-dd'T'HH:mm:ss'Z'}: channel '{channel.Id}' keeps what the public wrote for {channel.Retention.Items.TotalDays:0.##} days, so these would be deleted by the next sweep.");
    }
}
