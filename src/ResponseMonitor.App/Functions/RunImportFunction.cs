using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Functions;

/// <summary>
/// Queue function: runs the import job a message names (POST /api/imports/{channelId} accepted its file into blob
/// storage). The Functions host triggers it from <c>import-history</c> and keeps the message hidden while it runs;
/// standalone, its <see cref="Standalone.StorageQueueListener"/> does the same. A failed attempt is retried by the queue, up
/// to maxDequeueCount, then the message goes to <c>import-history-poison</c>; the job shows the last error meanwhile.
/// </summary>
internal sealed class RunImportFunction(ImportJobRunner runner, ApiReadCache reads)
{
    /// <summary>The queue trigger's entry point: the message is the import request, already decoded from Base64 by the worker.</summary>
    [Function(FunctionNames.RunImport)]
    public Task Run([QueueTrigger(StorageImportQueue.QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) => RunAsync(message, cancellationToken);

    internal async Task<ImportJob?> RunAsync(string message, CancellationToken cancellationToken)
    {
        var request = StorageImportQueue.Parse(message)
            ?? throw new InvalidQueueMessageException("The queue message is not an import request: expected JSON like {\"channelId\":\"...\",\"jobId\":\"...\"}.");
        var job = await runner.RunAsync(request.ChannelId, request.JobId, cancellationToken).ConfigureAwait(false);
        reads.MarkStale();
        return job;
    }
}
