using ResponseMonitor.Domain.Notifications;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Where silences (notification mutes) are kept.</summary>
public interface ISilenceStore
{
    /// <summary>Stores a new silence.</summary>
    Task CreateAsync(Silence silence, CancellationToken cancellationToken);

    /// <summary>Every silence, current, future and past.</summary>
    Task<IReadOnlyList<Silence>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every silence, in no set order, read a storage page at a time: a caller holds what it keeps, never the table.</summary>
    IAsyncEnumerable<Silence> StreamAsync(CancellationToken cancellationToken);

    /// <summary>One silence; null when unknown.</summary>
    Task<Silence?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ends a silence now; held notifications become due. False if there is no such silence.</summary>
    Task<bool> ExpireAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
