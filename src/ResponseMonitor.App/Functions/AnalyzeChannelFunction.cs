using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Functions;

/// <summary>
/// Queue function: analyses the channel a message names, then delivers whatever warnings that raised. The Functions
/// host triggers it from <c>analyze-channel</c> (Base64 decoding, retries and the poison queue are the host's, set in
/// host.json); standalone, its <see cref="Standalone.StorageQueueListener"/> does the same.
/// </summary>
internal sealed partial class AnalyzeChannelFunction(ChannelAnalysisService analysis, NotificationDispatcher dispatcher, ApiReadCache reads, ILogger<AnalyzeChannelFunction> logger)
{
    /// <summary>The queue both hosts read; StorageOptions.AnalysisQueueName must keep this name in Azure.</summary>
    public const string QueueName = "analyze-channel";

    /// <param name="message">The message text as the worker hands over a queue trigger bound to string: already decoded from Base64.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    [Function(FunctionNames.AnalyzeChannel)]
    public Task Run([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) => RunAsync(message, cancellationToken);

    internal async Task<AnalysisResult> RunAsync(string message, CancellationToken cancellationToken)
    {
        var request = StorageAnalysisQueue.Parse(message)
            ?? throw new InvalidQueueMessageException("The queue message is not an analysis request: expected JSON like {\"channelId\":\"...\",\"reason\":\"...\"}.");
        var result = await analysis.AnalyzeAsync(request.ChannelId, cancellationToken).ConfigureAwait(false);
        reads.MarkStale();
        try
        {
            await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The transition is stored with its notification; the outbox delivers it on a later pass.
            LogDispatchFailed(logger, request.ChannelId, ex);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warnings for channel {ChannelId} are stored but could not be delivered yet")]
    private static partial void LogDispatchFailed(ILogger logger, string channelId, Exception exception);
}
