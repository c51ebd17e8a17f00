using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Polling;

/// <summary>
/// The timer's half of a poll cycle (the PollChannels function): decides which channels are due and puts them on the
/// poll queue in batches of <see cref="PollingOptions.BatchSize"/>, adjacent in id order, for any instance to take
/// (<see cref="ChannelPoller.PollBatchAsync"/>). A channel a platform paused is not enqueued, nor one whose own
/// <see cref="ChannelDefinition.PollInterval"/> has not come round; if such a channel's analysis is stale, its
/// refresh analysis is queued directly, so ages and silence keep counting without a poll.
/// </summary>
public sealed partial class PollPlanner(
    IChannelCatalog catalog,
    IChannelStateStore states,
    ISnapshotStore snapshots,
    IPollQueue polls,
    IAnalysisQueue analyses,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<PollPlanner> logger)
{
    /// <summary>How many queue sends are in flight at once.</summary>
    private const int SendConcurrency = 16;

    /// <summary>Puts the channels due for a poll on the poll queue in batches; returns what was queued, paused and not due.</summary>
    public async Task<PollPlan> ScheduleAsync(CancellationToken cancellationToken)
    {
        var scheduledAt = time.GetUtcNow();
        var stateById = (await states.GetAllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ChannelId, StringComparer.Ordinal);
        var analysedAt = await ChannelPoller.ReadAnalysisTimesAsync(snapshots, logger, cancellationToken).ConfigureAwait(false);
        bool Stale(string id) => !analysedAt.TryGetValue(id, out var last) || scheduledAt - last >= options.Value.RefreshInterval;

        var due = new List<string>();
        var paused = new List<string>();
        var notDue = new List<string>();
        foreach (var channel in catalog.All.Where(c => c.Enabled).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var state = stateById.GetValueOrDefault(channel.Id);
            if (state?.PausedUntil > scheduledAt)
            {
                paused.Add(channel.Id);
            }
            else if (!IsDue(channel, state, scheduledAt))
            {
                notDue.Add(channel.Id);
            }
            else
            {
                due.Add(channel.Id);
            }
        }

        var batches = due.Chunk(options.Value.BatchSize).Select(ids => new PollBatch(ids, scheduledAt, ids.Where(Stale).ToList())).ToList();
        var sent = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await polls.EnqueueAsync(batch, TimeSpan.Zero, ct).ConfigureAwait(false);
                Interlocked.Increment(ref sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next cycle finds these channels due again.
                LogEnqueueFailed(logger, batch.ChannelIds.Count, batch.ChannelIds[0], ex);
            }
        }).ConfigureAwait(false);

        var refreshed = new List<string>();
        foreach (var id in paused.Concat(notDue).Where(Stale))
        {
            try
            {
                await analyses.EnqueueAsync(id, "refresh", cancellationToken).ConfigureAwait(false);
                refreshed.Add(id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, id, ex);
            }
        }

        LogScheduled(logger, due.Count, sent, paused.Count, notDue.Count);
        return new PollPlan(scheduledAt, due, sent, paused, notDue, refreshed);
    }

    /// <summary>
    /// Due unless the channel has its own cadence and was polled less than that ago (less a tenth, so that a cycle
    /// arriving a moment early does not push the poll a whole cycle later).
    /// </summary>
    public static bool IsDue(ChannelDefinition channel, ChannelState? state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.PollInterval is not { } every
            || state?.LastPolledAt is not { } last
            || now - last >= every * (1 - PollingOptions.CadenceTolerance);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll cycle scheduled: {Channels} channels in {Messages} messages; {Paused} paused, {NotDue} not due")]
    private static partial void LogScheduled(ILogger logger, int channels, int messages, int paused, int notDue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the poll of {Channels} channels from {FirstChannel}; the next cycle schedules them again")]
    private static partial void LogEnqueueFailed(ILogger logger, int channels, string firstChannel, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the refresh analysis of channel {ChannelId}; the next cycle retries")]
    private static partial void LogRefreshFailed(ILogger logger, string channelId, Exception exception);
}
