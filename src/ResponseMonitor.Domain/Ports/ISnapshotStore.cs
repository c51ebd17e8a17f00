namespace ResponseMonitor.Domain.Ports;

public interface ISnapshotStore
{
    Task SaveAsync(ChannelSnapshot snapshot, CancellationToken cancellationToken);

    Task<ChannelSnapshot?> GetAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelSnapshot>> GetAllAsync(CancellationToken cancellationToken);
}
