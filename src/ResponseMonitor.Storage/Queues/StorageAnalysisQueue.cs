using System.Text.Json;
using Azure.Storage.Queues;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Queues;

/// <summary>Puts <see cref="AnalysisRequest"/> messages on the analysis queue (created on first use).</summary>
public sealed class StorageAnalysisQueue(StorageClients clients, QueueProvider queues, TimeProvider time) : IAnalysisQueue
{
    /// <inheritdoc/>
    public async Task EnqueueAsync(string channelId, string reason, CancellationToken cancellationToken)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(new AnalysisRequest(channelId, reason, time.GetUtcNow()), QueueJsonContext.Default.AnalysisRequest);
        await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The analysis queue's client, for the standalone listener.</summary>
    public Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken) => queues.GetAsync(clients.Options.AnalysisQueueName, cancellationToken);

    /// <summary>Reads a queue message; null when it is not an analysis request.</summary>
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
