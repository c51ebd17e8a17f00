namespace ResponseMonitor.Domain.Ports;

/// <summary>Where the latest analysis of each channel is kept for the dashboard.</summary>
public interface ISnapshotStore
{
    /// <summary>Replaces the channel's snapshot.</summary>
    Task SaveAsync(ChannelSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>One channel's snapshot; null before its first analysis.</summary>
    Task<ChannelSnapshot?> GetAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Every channel's snapshot.</summary>
    Task<IReadOnlyList<ChannelSnapshot>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The snapshots of these channels (those that have one), read together: one query for a run of channels adjacent
    /// in id order, such as a dashboard page.
    /// </summary>
    Task<IReadOnlyList<ChannelSnapshot>> GetManyAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken);
}
