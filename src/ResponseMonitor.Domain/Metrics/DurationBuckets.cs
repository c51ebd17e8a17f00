namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// How many durations fall in each band. Bands are closed below and open above: exactly 1 h counts in 1–4 h.
/// </summary>
public sealed record DurationBuckets(int UpTo1Hour, int From1To4Hours, int From4To8Hours, int From8To24Hours, int Over24Hours)
{
    /// <summary>Counts the durations into their buckets.</summary>
    public static DurationBuckets Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        int a = 0, b = 0, c = 0, d = 0, e = 0;
        foreach (var hours in durations.Select(x => x.TotalHours))
        {
            _ = hours switch
            {
                < 1 => a++,
                < 4 => b++,
                < 8 => c++,
                < 24 => d++,
                _ => e++,
            };
        }

        return new DurationBuckets(a, b, c, d, e);
    }
}
