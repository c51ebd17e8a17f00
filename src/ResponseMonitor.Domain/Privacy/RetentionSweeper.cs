using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Privacy;

/// <summary>
/// Deletes what each channel keeps past its <see cref="RetentionPolicy"/>, once a day per channel (run after a poll
/// cycle, so as a singleton). The brand's own posts stay whatever their age: they hold nothing the public wrote, and
/// a new comment on an old post still needs its parent to find its thread. Dependants go before what they depend on (open copies and labels, then the items), so
/// a crash at any point leaves the rest for the next run, which finds it by the same query: the sweep is idempotent
/// and resumes by running again. The day is recorded only when the channel's sweep completed.
/// </summary>
public sealed partial class RetentionSweeper(IChannelCatalog catalog, IPersonalDataStore store, ICriticLabelStore labels, TimeProvider time, ILogger<RetentionSweeper> logger)
{
    /// <summary>How often a channel is swept.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>
    /// Channels swept in one cycle at most, so that the day's sweeps spread over the first cycles of the day instead of
    /// lengthening one (1,000 channels: 20 cycles, 100 minutes at the default schedule).
    /// </summary>
    public const int MaxChannelsPerCycle = 50;

    // When each channel was last swept: read once per process, then kept here, so that a cycle with nothing due
    // costs no storage transaction. Another instance's sweeps are unseen until a restart: at worst a channel is swept
    // twice in a day, which deletes nothing the second time.
    private bool _loaded;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastSweeps = new(StringComparer.Ordinal);

    /// <summary>Sweeps every channel whose last sweep is a day old or more.</summary>
    public async Task<RetentionSweepResult> SweepDueAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            foreach (var (channelId, at) in await store.GetLastSweepsAsync(cancellationToken).ConfigureAwait(false))
            {
                _lastSweeps.TryAdd(channelId, at);
            }

            _loaded = true;
        }

        var total = RetentionSweepResult.None;
        foreach (var channel in catalog.All)
        {
            if (total.Channels == MaxChannelsPerCycle)
            {
                break;
            }

            if (_lastSweeps.TryGetValue(channel.Id, out var at) && time.GetUtcNow() - at < Interval)
            {
                continue;
            }

            total = total.Add(await SweepAsync(channel, cancellationToken).ConfigureAwait(false));
        }

        return total;
    }

    /// <summary>Sweeps one channel now, due or not.</summary>
    public async Task<RetentionSweepResult> SweepAsync(ChannelDefinition channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var now = time.GetUtcNow();
        var cutoff = channel.Retention.ItemsFrom(now);
        var expired = (await store.GetItemsCreatedBeforeAsync(channel.Id, cutoff, cancellationToken).ConfigureAwait(false))
            .Where(i => !RetentionPolicy.KeepsAlways(channel, i.Kind, i.AuthorId))
            .Select(i => i.Id)
            .ToList();
        var open = 0;
        var labelCount = 0;
        if (expired.Count > 0)
        {
            open = await store.DeleteOpenAsync(channel.Id, expired, cancellationToken).ConfigureAwait(false);
            var ids = expired.ToHashSet(StringComparer.Ordinal);
            foreach (var label in (await labels.ListAsync(channel.Brand, cancellationToken).ConfigureAwait(false)).Where(l => l.ChannelId == channel.Id && ids.Contains(l.ItemId)))
            {
                labelCount += await labels.DeleteAsync(channel.Brand, channel.Id, label.ItemId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        var items = expired.Count > 0 ? await store.DeleteItemsAsync(channel.Id, expired, cancellationToken).ConfigureAwait(false) : 0;
        var rows = await store.DeleteWarningRowsBeforeAsync(channel.Id, cutoff, now - channel.Retention.Deliveries, cancellationToken).ConfigureAwait(false);
        await store.RecordSweepAsync(channel.Id, now, cancellationToken).ConfigureAwait(false);
        _lastSweeps[channel.Id] = now;
        LogSwept(logger, channel.Id, items, open, labelCount, rows.Warnings, rows.History, rows.Deliveries, cutoff);
        return new RetentionSweepResult(1, items, open, labelCount, rows);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep of channel {ChannelId}: deleted {Items} items, {Open} open copies, {Labels} labels, {Warnings} resolved warnings, {History} history rows, {Deliveries} deliveries from before {Cutoff}")]
    private static partial void LogSwept(ILogger logger, string channelId, int items, int open, int labels, int warnings, int history, int deliveries, DateTimeOffset cutoff);
}
