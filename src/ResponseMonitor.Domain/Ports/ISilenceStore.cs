using ResponseMonitor.Domain.Notifications;

namespace ResponseMonitor.Domain.Ports;

public interface ISilenceStore
{
    Task CreateAsync(Silence silence, CancellationToken cancellationToken);

    Task<IReadOnlyList<Silence>> ListAsync(CancellationToken cancellationToken);

    Task<Silence?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ends a silence now; held notifications become due. False if there is no such silence.</summary>
    Task<bool> ExpireAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
