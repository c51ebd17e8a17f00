using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Queues;

/// <summary>Puts <see cref="AnalysisRequest"/> messages on the analysis queue (created on first use).</summary>
public sealed class StorageAnalysisQueue(StorageClients clients, TimeProvider time) : IAnalysisQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queue = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string channelId, string reason, CancellationToken cancellationToken)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(new AnalysisRequest(channelId, reason, time.GetUtcNow()), QueueJsonContext.Default.AnalysisRequest);
        await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken)
    {
        var name = clients.Options.AnalysisQueueName;
        var lazy = _queue.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
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
            _queue.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, lazy));
            throw;
        }
    }

    public static AnalysisRequest? Parse(string message)
    {
        try
        {
            var request = JsonSerializer.Deserialize(message, QueueJsonContext.Default.AnalysisRequest);
            return request is { ChannelId.Length: > 0 } ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
