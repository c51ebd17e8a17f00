using Microsoft.Extensions.Options;
using NCrontab;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Locks;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// The PollChannels timer when no Functions host is there: fires on the NCRONTAB schedule (UTC), and on start-up if
/// configured. Like the host's timer it is a singleton across instances: only the holder of the blob lease runs a
/// cycle, and the lease is renewed while the cycle runs.
/// </summary>
internal sealed partial class PollScheduler(
    PollChannelsFunction function,
    BlobLeaseLock leaseLock,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<PollScheduler> logger) : BackgroundService
{
    public const string LockName = "PollChannels.lock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CrontabSchedule.Parse(options.Value.PollSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (options.Value.RunOnStartup)
        {
            await TickAsync(stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await TickAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the schedule and lets go of the lease at once, so that a restarted or another instance polls on its next
    /// tick instead of waiting out <see cref="BlobLeaseLock.LeaseDuration"/>. A killed process cannot do this; its
    /// lease lapses after that duration.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await leaseLock.ReleaseAsync(LockName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage down at shutdown: the lease lapses on its own.
            LogTickFailed(logger, "lease release at shutdown failed: " + ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
        }
    }

    /// <summary>Runs one cycle if this instance holds the lease; false when another instance does.</summary>
    public async Task<bool> TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await leaseLock.TryHoldAsync(LockName, cancellationToken).ConfigureAwait(false))
            {
                LogSkipped(logger);
                return false;
            }

            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = RenewAsync(renewal.Token);
            try
            {
                await function.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // Storage down or a bug in a cycle: the schedule goes on and the next tick retries.
            LogTickFailed(logger, ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
            return false;
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(BlobLeaseLock.LeaseDuration / 3, time, cancellationToken).ConfigureAwait(false);
                await leaseLock.TryHoldAsync(LockName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogTickFailed(logger, "lease renewal failed: " + ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll tick skipped: another instance holds the schedule")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll tick failed: {Error}")]
    private static partial void LogTickFailed(ILogger logger, string error, Exception? exception);
}
