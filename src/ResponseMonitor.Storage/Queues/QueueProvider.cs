using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace ResponseMonitor.Storage.Queues;

/// <summary>
/// Hands out queue clients (Base64 bodies, as the Functions host reads them), creating each queue on first use. A
/// failed creation is retried on the next use, so the app starts while storage is down.
/// </summary>
public sealed class QueueProvider(StorageClients clients)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    /// <summary>The named queue's client, creating the queue the first time.</summary>
    public async Task<QueueClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = clients.Queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            return client;
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, lazy));
            throw;
        }
    }
}
