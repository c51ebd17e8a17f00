using System.Text.Json;
using Azure.Storage.Queues;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Queues;

/// <summary>
/// Puts <see cref="PollBatch"/> messages on the poll queue (created on first use): JSON
/// <c>{"channelIds":[…],"scheduledAt":"…","refresh":[…]}</c>, Base64 on the wire as the Functions host expects.
/// </summary>
public sealed class StoragePollQueue(StorageClients clients, QueueProvider queues) : IPollQueue
{
    /// <inheritdoc/>
    public async Task EnqueueAsync(PollBatch batch, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(batch, QueueJsonContext.Default.PollBatch);
        await queue.SendMessageAsync(body, delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The poll queue's client, for the standalone listener.</summary>
    public Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken) => queues.GetAsync(clients.Options.PollQueueName, cancellationToken);

    /// <summary>The batch a message carries, or null when it is not one (no channels, or not JSON).</summary>
    public static PollBatch? Parse(string message)
    {
        try
        {
            var batch = JsonSerializer.Deserialize(message, QueueJsonContext.Default.PollBatch);
            return batch is { ChannelIds.Count: > 0 } && batch.ChannelIds.All(id => !string.IsNullOrEmpty(id))
                ? batch with { Refresh = batch.Refresh ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
