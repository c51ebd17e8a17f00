namespace ResponseMonitor.Domain.Metrics;

/// <summary>The same durations measured twice: on the wall clock and in the channel's business hours.</summary>
public sealed record TimedSummary(DurationSummary Wall, DurationSummary Business)
{
    /// <summary>Summarises (wall, business) durations, each on its own.</summary>
    public static TimedSummary Of(IReadOnlyCollection<(TimeSpan Wall, TimeSpan Business)> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        return new TimedSummary(DurationSummary.Of(durations.Select(d => d.Wall)), DurationSummary.Of(durations.Select(d => d.Business)));
    }
}
