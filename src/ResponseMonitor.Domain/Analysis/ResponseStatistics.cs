using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Analysis;

/// <summary>What is open now, and the rolling window's figures. Definitions: docs/METRICS.md.</summary>
public sealed record ResponseStatistics
{
    /// <summary>Public comments waiting for an answer.</summary>
    public int OpenCount { get; init; }

    /// <summary>Of those, the ones judged critical.</summary>
    public int CriticalOpenCount { get; init; }

    /// <summary>When the longest-waiting comment arrived; null when none waits.</summary>
    public DateTimeOffset? OldestOpenSince { get; init; }

    /// <summary>The window's full figures: wall and business time, means, buckets, exclusions.</summary>
    public required ResponseMetrics Metrics { get; init; }

    /// <summary>Threads of the window that got a first response.</summary>
    public int FirstResponseCount => Metrics.FirstResponse.Wall.Count;

    /// <summary>Median wall-clock time to a first response; null without responses.</summary>
    public TimeSpan? MedianFirstResponse => Metrics.FirstResponse.Wall.Median;

    /// <summary>90th percentile of the wall-clock time to a first response.</summary>
    public TimeSpan? P90FirstResponse => Metrics.FirstResponse.Wall.P90;

    /// <summary>Public comments of the window that needed an answer.</summary>
    public int AnswerableCount => Metrics.AnswerableCount;

    /// <summary>Of those, the ones the brand answered.</summary>
    public int AnsweredCount => Metrics.AnsweredCount;

    /// <summary>Answered / answerable public messages created in the window; null when nothing was answerable.</summary>
    public double? ResponseRate => Metrics.ResponseRate;
}
