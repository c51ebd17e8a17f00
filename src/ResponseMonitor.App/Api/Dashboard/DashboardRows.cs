using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ResponseMonitor.App.Api.Warnings;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>What the dashboard reads of its channels: their snapshots, states and active warnings, by channel id (any case).</summary>
internal sealed record DashboardRows(IReadOnlyDictionary<string, ChannelSnapshot> Snapshots, IReadOnlyDictionary<string, ChannelState> States, ILookup<string, WarningRecord> ActiveWarnings)
{
    /// <summary>Runs of a page read at once.</summary>
    private const int MaxParallelRuns = 16;

    /// <summary>
    /// Channels off the page that a run may read through to join its neighbours: a page whose order interleaves the
    /// id order (two brands' channels alternating, say) then stays a few queries, and a run reads at most this many
    /// rows it drops per join. Beyond it, one more query costs less than the rows skipped over.
    /// </summary>
    internal const int MaxGap = 16;

    /// <summary>Each catalog's channel ids by their rank in id order, computed once per catalog.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<ChannelDefinition>, Dictionary<string, int>> Ranks = [];

    /// <summary>Every channel's rows: one query per 1,000 channels per table, for an estate that is one page.</summary>
    public static async Task<DashboardRows> ReadAllAsync(ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var snapshotTask = snapshots.GetAllAsync(cancellationToken);
        var stateTask = states.GetAllAsync(cancellationToken);
        // Every active warning, so that the counts are true; each channel lists the most severe few.
        var warningTask = warnings.ListAsync(new WarningQuery { States = WarningEndpoints.ActiveStates, Max = int.MaxValue }, cancellationToken);
        await Task.WhenAll(snapshotTask, stateTask, warningTask).ConfigureAwait(false);
        return new DashboardRows(
            snapshotTask.Result.ToDictionary(s => s.ChannelId, StringComparer.OrdinalIgnoreCase),
            stateTask.Result.ToDictionary(s => s.ChannelId, StringComparer.OrdinalIgnoreCase),
            warningTask.Result.ToLookup(w => w.ChannelId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The rows of <paramref name="page"/>'s channels only. The page is cut into runs of channels adjacent in id order,
    /// and each run is one range query per table (Table storage answers a key range as one query; a filter holds at
    /// most 15 comparisons, and an "or" of keys scans the partition: learn.microsoft.com/rest/api/storageservices/
    /// querying-tables-and-entities, "Constructing filter strings", and the table design guide). A page in id order
    /// is one run: three queries whatever the estate. Runs at most <see cref="MaxGap"/> channels apart are joined, and
    /// the stores drop the rows in between. Only a page whose channels lie far apart in id order costs one query per
    /// channel and table.
    /// </summary>
    public static async Task<DashboardRows> ReadPageAsync(IReadOnlyList<ChannelDefinition> all, IReadOnlyList<ChannelDefinition> page, ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var snapshotById = new ConcurrentDictionary<string, ChannelSnapshot>(StringComparer.OrdinalIgnoreCase);
        var stateById = new ConcurrentDictionary<string, ChannelState>(StringComparer.OrdinalIgnoreCase);
        var active = new ConcurrentBag<WarningRecord>();
        await Parallel.ForEachAsync(Runs(all, page), new ParallelOptions { MaxDegreeOfParallelism = MaxParallelRuns, CancellationToken = cancellationToken }, async (run, ct) =>
        {
            var snapshotTask = snapshots.GetManyAsync(run, ct);
            var stateTask = states.GetManyAsync(run, ct);
            await foreach (var warning in warnings.StreamAsync(new WarningQuery { States = WarningEndpoints.ActiveStates, ChannelIds = run, Max = int.MaxValue }, ct).ConfigureAwait(false))
            {
                active.Add(warning);
            }

            foreach (var snapshot in await snapshotTask.ConfigureAwait(false))
            {
                snapshotById[snapshot.ChannelId] = snapshot;
            }

            foreach (var state in await stateTask.ConfigureAwait(false))
            {
                stateById[state.ChannelId] = state;
            }
        }).ConfigureAwait(false);
        return new DashboardRows(snapshotById, stateById, active.ToLookup(w => w.ChannelId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The page's channel ids in runs whose members are at most <see cref="MaxGap"/> channels apart in the estate's id order.</summary>
    internal static List<string[]> Runs(IReadOnlyList<ChannelDefinition> all, IReadOnlyList<ChannelDefinition> page)
    {
        var rank = Ranks.GetValue(all, channels =>
        {
            var ids = channels.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
            var byId = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                byId[ids[i]] = i;
            }

            return byId;
        });
        var runs = new List<string[]>();
        var current = new List<string>();
        var last = -2;
        foreach (var (id, at) in page.Select(c => (c.Id, rank.GetValueOrDefault(c.Id, -2))).OrderBy(x => x.Item2))
        {
            if (at - last - 1 > MaxGap && current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }

            current.Add(id);
            last = at;
        }

        if (current.Count > 0)
        {
            runs.Add([.. current]);
        }

        return runs;
    }
}
