using ResponseMonitor.Domain.Analysis;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>Count, mean, median, p90 and the band distribution of a set of durations (all null when empty).</summary>
public sealed record DurationSummary(int Count, TimeSpan? Mean, TimeSpan? Median, TimeSpan? P90, DurationBuckets Buckets)
{
    /// <summary>Summarises durations: count, median, 90th percentile and mean.</summary>
    public static DurationSummary Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var sorted = durations.Order().ToList();
        TimeSpan? mean = sorted.Count == 0 ? null : TimeSpan.FromTicks((long)Math.Round(sorted.Average(d => (double)d.Ticks)));
        return new DurationSummary(sorted.Count, mean, Percentile.Of(sorted, 0.5), Percentile.Of(sorted, 0.9), DurationBuckets.Of(sorted));
    }
}
