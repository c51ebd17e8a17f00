using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Estate;

/// <summary>
/// The estate's totals for a dashboard that pages its channels. An estate of up to <see cref="LiveChannels"/> is one
/// page, and the dashboard counts it live from the rows it reads anyway. A larger one would make every request read
/// every channel, so the totals are computed outside the request path: by the scheduling timer once per cycle
/// (<see cref="RefreshAsync"/>), stored as one record, and read by requests (<see cref="GetAsync"/>), which
/// recompute them only when none younger than <see cref="MaxAge"/> is stored (the timer stopped, or never ran).
/// </summary>
public sealed partial class EstateTotalsService(IChannelCatalog catalog, ISnapshotStore snapshots, IWarningStore warnings, IEstateTotalsStore store, TimeProvider time, ILogger<EstateTotalsService> logger)
{
    /// <summary>The largest estate the dashboard counts live: one page of channels.</summary>
    public const int LiveChannels = 1000;

    /// <summary>The oldest totals a request accepts; the timer refreshes them every cycle (5 minutes by default).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly HashSet<WarningState> Active = [WarningState.Pending, WarningState.Firing];

    private readonly Lock _gate = new();
    private Task<EstateTotals>? _computing;

    /// <summary>Whether the estate fits one page, so that the dashboard counts it live and nothing needs storing.</summary>
    public bool IsLive => catalog.All.Count <= LiveChannels;

    /// <summary>
    /// Counts the totals from every snapshot (one query per 1,000 channels) and every active warning (streamed a
    /// storage page at a time, counted by channel).
    /// </summary>
    public async Task<EstateTotals> ComputeAsync(CancellationToken cancellationToken)
    {
        var computedAt = time.GetUtcNow();
        var all = snapshots.GetAllAsync(cancellationToken);
        var active = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await foreach (var warning in warnings.StreamAsync(new WarningQuery { States = Active, Max = int.MaxValue }, cancellationToken).ConfigureAwait(false))
        {
            active[warning.ChannelId] = active.GetValueOrDefault(warning.ChannelId) + 1;
        }

        var byId = new Dictionary<string, ChannelSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var snapshot in await all.ConfigureAwait(false))
        {
            byId[snapshot.ChannelId] = snapshot;
        }

        return EstateTotals.Compute(catalog.All, byId, active, computedAt);
    }

    /// <summary>Computes the totals and stores them: the timer's step, once per cycle.</summary>
    public async Task<EstateTotals> RefreshAsync(CancellationToken cancellationToken)
    {
        var totals = await ComputeAsync(cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(totals, cancellationToken).ConfigureAwait(false);
        LogRefreshed(logger, totals.Channels, totals.OpenCount, totals.ActiveWarningCount);
        return totals;
    }

    /// <summary>
    /// The stored totals if younger than <see cref="MaxAge"/>; otherwise refreshed now, by one computation per
    /// instance however many requests ask at once.
    /// </summary>
    public async Task<EstateTotals> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(cancellationToken).ConfigureAwait(false);
        if (stored is not null && time.GetUtcNow() - stored.ComputedAt < MaxAge && stored.Channels == catalog.All.Count)
        {
            return stored;
        }

        Task<EstateTotals> computing;
        lock (_gate)
        {
            // Not the request's token: a computation others wait on must not stop because its first caller left. A
            // finished one (saved, or failed) is not reused: the stored record was found stale after it.
            if (_computing is null || _computing.IsCompleted)
            {
                _computing = RefreshAsync(CancellationToken.None);
            }

            computing = _computing;
        }

        return await computing.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Estate totals refreshed: {Channels} channels, {Open} waiting, {Warnings} active warnings")]
    private static partial void LogRefreshed(ILogger logger, int channels, int open, int warnings);
}
