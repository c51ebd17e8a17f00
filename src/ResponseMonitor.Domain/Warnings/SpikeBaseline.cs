namespace ResponseMonitor.Domain.Warnings;

/// <summary>Mean and population standard deviation of a channel's hourly history; the limit is mean + k·σ.</summary>
internal sealed record SpikeBaseline(int Hours, double Mean, double StandardDeviation)
{
    public static SpikeBaseline Of(IReadOnlyCollection<int> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        if (hourly.Count == 0)
        {
            return new SpikeBaseline(0, 0, 0);
        }

        var mean = hourly.Average();
        var variance = hourly.Sum(v => (v - mean) * (v - mean)) / hourly.Count;
        return new SpikeBaseline(hourly.Count, mean, Math.Sqrt(variance));
    }

    public double Limit(double k) => Mean + k * StandardDeviation;
}
