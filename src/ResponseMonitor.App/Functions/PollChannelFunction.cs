using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Functions;

/// <summary>
/// Queue function: polls the batch of channels a message names (<see cref="ChannelPoller.PollBatchAsync"/>) and
/// queues their analyses. The Functions host triggers it from <c>poll-channel</c> on as many instances as the queue
/// needs (Base64 decoding, retries and the poison queue are the host's, set in host.json); standalone,
/// its <see cref="Standalone.StorageQueueListener"/> does the same, so several processes share the work.
/// </summary>
internal sealed partial class PollChannelFunction(ChannelPoller poller, ApiReadCache reads, ILogger<PollChannelFunction> logger)
{
    /// <summary>The queue both hosts read; StorageOptions.PollQueueName must keep this name in Azure.</summary>
    public const string QueueName = "poll-channel";

    /// <param name="message">The message text as the worker hands over a queue trigger bound to string: already decoded from Base64.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    [Function(FunctionNames.PollChannel)]
    public Task Run([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) => RunAsync(message, cancellationToken);

    internal async Task<PollSummary> RunAsync(string message, CancellationToken cancellationToken)
    {
        var batch = StoragePollQueue.Parse(message)
            ?? throw new InvalidQueueMessageException("The queue message is not a poll batch: expected JSON like {\"channelIds\":[\"...\"],\"scheduledAt\":\"...\"}.");
        var summary = await poller.PollBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        if (summary.Channels.Count > 0)
        {
            reads.MarkStale();
        }

        LogBatch(logger, batch.ChannelIds.Count, summary.Channels.Count, summary.ItemsStored, summary.Failed, summary.AnalysisRequested.Count);
        return summary;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll batch: {Named} channels named, {Polled} polled, {Items} items stored, {Failed} failed, {Queued} queued for analysis")]
    private static partial void LogBatch(ILogger logger, int named, int polled, int items, int failed, int queued);
}
