using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Estate;

/// <summary>
/// What the dashboard says of the whole estate, whatever page of channels it shows: messages waiting, of those the
/// critical ones, active warnings, and each brand's listening score. Counted over the configured channels only.
/// </summary>
/// <param name="ComputedAt">When the figures were read from the snapshots and warnings.</param>
/// <param name="Channels">Configured channels counted.</param>
/// <param name="OpenCount">Messages waiting for an answer, from each channel's latest analysis.</param>
/// <param name="CriticalOpenCount">Of those, the ones read as critical.</param>
/// <param name="ActiveWarningCount">Pending and firing warnings.</param>
/// <param name="Brands">Each brand's channels pooled, brands in name order.</param>
public sealed record EstateTotals(DateTimeOffset ComputedAt, int Channels, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<BrandTotals> Brands)
{
    /// <summary>
    /// The totals of <paramref name="channels"/> from their snapshots (by channel id, any case) and their active
    /// warnings counted by channel id (any case); brands in name order (ordinal, any case).
    /// </summary>
    public static EstateTotals Compute(IReadOnlyList<ChannelDefinition> channels, IReadOnlyDictionary<string, ChannelSnapshot> snapshots, IReadOnlyDictionary<string, int> activeWarnings, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(activeWarnings);
        int open = 0, critical = 0, warnings = 0;
        foreach (var channel in channels)
        {
            if (snapshots.GetValueOrDefault(channel.Id) is { } snapshot)
            {
                open += snapshot.OpenCount;
                critical += snapshot.CriticalOpenCount;
            }

            warnings += activeWarnings.GetValueOrDefault(channel.Id);
        }

        List<BrandTotals> brands =
        [
            .. channels
                .GroupBy(c => c.Brand, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    var analysed = g.Select(c => snapshots.GetValueOrDefault(c.Id)).OfType<ChannelSnapshot>().ToList();
                    if (analysed.Count == 0)
                    {
                        return new BrandTotals(g.Key, g.Count(), null, null);
                    }

                    // Merged at the level of raw counts, so a brand's median comes from all its responses (docs/METRICS.md).
                    var target = MetricsService.CommonTarget(g);
                    return new BrandTotals(
                        g.Key,
                        g.Count(),
                        ListeningSample.Merge(analysed.Select(s => s.Listening7).OfType<ListeningSample>()).Summarize(target),
                        ListeningSample.Merge(analysed.Select(s => s.Listening30).OfType<ListeningSample>()).Summarize(target));
                }),
        ];
        return new EstateTotals(computedAt, channels.Count, open, critical, warnings, brands);
    }
}
