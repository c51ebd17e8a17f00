namespace ResponseMonitor.Domain.Ports;

/// <summary>The latest analysis of a channel in the shape the dashboard reads it.</summary>
public sealed record ChannelSnapshot
{
    public required string ChannelId { get; init; }

    public required DateTimeOffset AnalyzedAt { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public int OpenCount { get; init; }

    public int CriticalOpenCount { get; init; }

    public DateTimeOffset? OldestOpenSince { get; init; }

    public int FirstResponseCount { get; init; }

    public double? MedianFirstResponseSeconds { get; init; }

    public double? P90FirstResponseSeconds { get; init; }

    /// <summary>The same percentiles in business time (equal to wall time when the channel has no hours).</summary>
    public double? MedianFirstResponseBusinessSeconds { get; init; }

    public double? P90FirstResponseBusinessSeconds { get; init; }

    /// <summary>Items of the window the clock left out (thanks, emoji, spam, automation ...).</summary>
    public int ExcludedCount { get; init; }

    public int AnswerableCount { get; init; }

    public int AnsweredCount { get; init; }

    public double? ResponseRate { get; init; }

    public DateTimeOffset? LastBrandActivityAt { get; init; }

    /// <summary>The raw listening figures over the last 7 and 30 days (docs/METRICS.md, "Listening score").</summary>
    public Metrics.ListeningSample? Listening7 { get; init; }

    public Metrics.ListeningSample? Listening30 { get; init; }

    /// <summary>Hourly maxima of the open count over the spike lookback, for the backlog-spike baseline.</summary>
    public IReadOnlyList<Warnings.HourlySample> OpenHistory { get; init; } = [];
}
