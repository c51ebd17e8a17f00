namespace ResponseMonitor.Domain.Analysis;

/// <summary>The channel's figures for a window. Definitions: docs/METRICS.md.</summary>
public sealed record ResponseStatistics
{
    public int OpenCount { get; init; }

    public int CriticalOpenCount { get; init; }

    public DateTimeOffset? OldestOpenSince { get; init; }

    public int FirstResponseCount { get; init; }

    public TimeSpan? MedianFirstResponse { get; init; }

    public TimeSpan? P90FirstResponse { get; init; }

    public int AnswerableCount { get; init; }

    public int AnsweredCount { get; init; }

    /// <summary>The window's full figures: wall and business time, means, buckets, exclusions.</summary>
    public Metrics.ResponseMetrics? Metrics { get; init; }

    /// <summary>Answered / answerable public messages created in the window; null when nothing was answerable.</summary>
    public double? ResponseRate => AnswerableCount == 0 ? null : (double)AnsweredCount / AnswerableCount;
}
