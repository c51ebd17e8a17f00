using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Functions;

/// <summary>Queue function: analyses the channel a message names, then delivers whatever warnings that raised.</summary>
public sealed partial class AnalyzeChannelFunction(ChannelAnalysisService analysis, NotificationDispatcher dispatcher, ILogger<AnalyzeChannelFunction> logger)
{
    public async Task<AnalysisResult> RunAsync(string message, CancellationToken cancellationToken)
    {
        var request = StorageAnalysisQueue.Parse(message)
            ?? throw new InvalidQueueMessageException("The queue message is not an analysis request: expected JSON like {\"channelId\":\"...\",\"reason\":\"...\"}.");
        var result = await analysis.AnalyzeAsync(request.ChannelId, cancellationToken).ConfigureAwait(false);
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
