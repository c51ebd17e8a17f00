namespace ResponseMonitor.Domain.Analysis;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (the "R-7" method of numpy, Excel's PERCENTILE.INC):
/// rank h = (n - 1)·p, value = x[floor h] + (h - floor h)·(x[floor h + 1] - x[floor h]). Median = p 0.5.
/// </summary>
internal static class Percentile
{
    public static TimeSpan? Of(IReadOnlyList<TimeSpan> sortedAscending, double p)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sortedAscending.Count == 0)
        {
            return null;
        }

        var h = (sortedAscending.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sortedAscending.Count - 1);
        var fraction = h - lower;
        var ticks = sortedAscending[lower].Ticks + (fraction * (sortedAscending[upper].Ticks - sortedAscending[lower].Ticks));
        return TimeSpan.FromTicks((long)Math.Round(ticks));
    }
}
