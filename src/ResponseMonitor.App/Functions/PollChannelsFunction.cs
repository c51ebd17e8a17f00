using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.Domain.Estate;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.App.Functions;

/// <summary>
/// Timer function: schedules one poll cycle (the channels due go on the <c>poll-channel</c> queue in small batches,
/// which <see cref="PollChannelFunction"/> polls on whichever instances take them), counts the dashboard's totals of
/// an estate over a page (<see cref="EstateTotalsService"/>), then runs the retention sweep of
/// channels due (once a day each) and a pass over the notification outbox. The Functions host fires it on
/// <c>%PollSchedule%</c> as a singleton; standalone, <see cref="Standalone.PollScheduler"/> does.
/// </summary>
internal sealed partial class PollChannelsFunction(PollPlanner planner, EstateTotalsService totals, RetentionSweeper retention, NotificationDispatcher dispatcher, ApiReadCache reads, ILogger<PollChannelsFunction> logger)
{
    /// <summary>The timer trigger's entry point; the host passes its schedule state, which the cycle does not need.</summary>
    [Function(FunctionNames.PollChannels)]
    public Task Run([TimerTrigger("%PollSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    internal async Task<PollPlan> RunAsync(CancellationToken cancellationToken)
    {
        LogStarting(logger);
        var plan = await planner.ScheduleAsync(cancellationToken).ConfigureAwait(false);
        await RefreshTotalsAsync(cancellationToken).ConfigureAwait(false);
        await SweepAsync(cancellationToken).ConfigureAwait(false);
        await DispatchAsync(cancellationToken).ConfigureAwait(false);
        return plan;
    }

    /// <summary>
    /// The dashboard's totals of an estate larger than a page, counted once a cycle here (the timer runs on one
    /// instance) instead of by every request; a smaller estate is counted live and needs nothing stored.
    /// </summary>
    private async Task RefreshTotalsAsync(CancellationToken cancellationToken)
    {
        if (totals.IsLive)
        {
            return;
        }

        try
        {
            await totals.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The stored totals stand; a request finding them older than their limit counts them itself.
            LogTotalsFailed(logger, ex);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            if ((await retention.SweepDueAsync(cancellationToken).ConfigureAwait(false)).Channels > 0)
            {
                reads.MarkStale();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A channel's sweep is recorded only when it completed: the next cycle finds it due and resumes.
            LogSweepFailed(logger, ex);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The outbox keeps everything; the next cycle tries again.
            LogDispatchFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll cycle starting")]
    private static partial void LogStarting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Estate totals could not be counted; they are counted again next cycle")]
    private static partial void LogTotalsFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep stopped; it resumes next cycle")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification outbox could not be drained; it will be retried")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
