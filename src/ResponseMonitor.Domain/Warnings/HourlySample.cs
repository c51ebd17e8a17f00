namespace ResponseMonitor.Domain.Warnings;

/// <summary>The highest value of a measure seen in one UTC hour (e.g. open comments), the history spikes are judged on.</summary>
public sealed record HourlySample(DateTimeOffset HourStart, int Value)
{
    /// <summary>The start of the UTC hour the instant falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Keeps the samples of the lookback and records <paramref name="value"/> for the hour of <paramref name="now"/>.</summary>
    public static IReadOnlyList<HourlySample> Record(IReadOnlyList<HourlySample> history, DateTimeOffset now, int value, TimeSpan lookback)
    {
        ArgumentNullException.ThrowIfNull(history);
        var hour = HourOf(now);
        var oldest = hour - lookback - TimeSpan.FromHours(1);
        var kept = history.Where(s => s.HourStart >= oldest && s.HourStart != hour).ToList();
        var current = history.FirstOrDefault(s => s.HourStart == hour)?.Value ?? 0;
        kept.Add(new HourlySample(hour, Math.Max(current, value)));
        return kept.OrderBy(s => s.HourStart).ToList();
    }
}
