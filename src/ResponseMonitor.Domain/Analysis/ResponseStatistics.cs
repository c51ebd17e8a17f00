using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>What is open now, and the rolling window's figures. Definitions: docs/METRICS.md.</summary>
public sealed record ResponseStatistics
{
    public int OpenCount { get; init; }

    public int CriticalOpenCount { get; init; }

    public DateTimeOffset? OldestOpenSince { get; init; }

    /// <summary>The window's full figures: wall and business time, means, buckets, exclusions.</summary>
    public required ResponseMetrics Metrics { get; init; }

    public int FirstResponseCount => Metrics.FirstResponse.Wall.Count;

    public TimeSpan? MedianFirstResponse => Metrics.FirstResponse.Wall.Median;

    public TimeSpan? P90FirstResponse => Metrics.FirstResponse.Wall.P90;

    public int AnswerableCount => Metrics.AnswerableCount;

    public int AnsweredCount => Metrics.AnsweredCount;

    /// <summary>Answered / answerable public messages created in the window; null when nothing was answerable.</summary>
    public double? ResponseRate => Metrics.ResponseRate;
}
