using System.Text.Json;
using Azure.Storage.Queues;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Queues;

/// <summary>Puts <see cref="ImportRequest"/> messages on the <c>import-history</c> queue (created on first use).</summary>
public sealed class StorageImportQueue(StorageClients clients) : IImportQueue
{
    /// <summary>The queue both hosts read (the RunImport trigger's, fixed at build time).</summary>
    public const string QueueName = "import-history";

    private volatile QueueClient? _queue;

    /// <inheritdoc/>
    public async Task EnqueueAsync(string channelId, string jobId, CancellationToken cancellationToken)
    {
        var queue = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ImportRequest(channelId, jobId), QueueJsonContext.Default.ImportRequest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The import queue's client, for the standalone listener.</summary>
    public async Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken)
    {
        if (_queue is { } known)
        {
            return known;
        }

        var queue = clients.Queues.GetQueueClient(QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return _queue = queue;
    }

    /// <summary>Reads a queue message; null when it is not an import request.</summary>
    public static ImportRequest? Parse(string message)
    {
        try
        {
            var request = JsonSerializer.Deserialize(message, QueueJsonContext.Default.ImportRequest);
            return request is { ChannelId.Length: > 0, JobId.Length: > 0 } ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
