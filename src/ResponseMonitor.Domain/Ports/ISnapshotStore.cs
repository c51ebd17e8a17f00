namespace ResponseMonitor.Domain.Ports;

public interface ISnapshotStore
{
    Task SaveAsync(ChannelSnapshot snapshot, CancellationToken cancellationToken);

    Task<ChannelSnapshot?> GetAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelSnapshot>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The snapshots of these channels (those that have one), read together: one query for a run of channels adjacent
    /// in id order, such as a dashboard page.
    /// </summary>
    Task<IReadOnlyList<ChannelSnapshot>> GetManyAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken);
}
