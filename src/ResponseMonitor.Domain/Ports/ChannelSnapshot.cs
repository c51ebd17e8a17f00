namespace ResponseMonitor.Domain.Ports;

/// <summary>The latest analysis of a channel in the shape the dashboard reads it.</summary>
public sealed record ChannelSnapshot
{
    /// <summary>The channel analysed.</summary>
    public required string ChannelId { get; init; }

    /// <summary>When the analysis ran.</summary>
    public required DateTimeOffset AnalyzedAt { get; init; }

    /// <summary>The start of the window the response figures cover.</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>Public comments waiting for an answer.</summary>
    public int OpenCount { get; init; }

    /// <summary>Of those, the ones judged critical.</summary>
    public int CriticalOpenCount { get; init; }

    /// <summary>When the longest-waiting comment arrived; null when none waits.</summary>
    public DateTimeOffset? OldestOpenSince { get; init; }

    /// <summary>Threads of the window that got a first response.</summary>
    public int FirstResponseCount { get; init; }

    /// <summary>Median wall-clock time to a first response, in seconds; null without responses.</summary>
    public double? MedianFirstResponseSeconds { get; init; }

    /// <summary>90th percentile of the wall-clock time to a first response, in seconds.</summary>
    public double? P90FirstResponseSeconds { get; init; }

    /// <summary>The same percentiles in business time (equal to wall time when the channel has no hours).</summary>
    public double? MedianFirstResponseBusinessSeconds { get; init; }

    /// <summary>90th percentile of the business time to a first response, in seconds.</summary>
    public double? P90FirstResponseBusinessSeconds { get; init; }

    /// <summary>Items of the window the clock left out (thanks, emoji, spam, automation ...).</summary>
    public int ExcludedCount { get; init; }

    /// <summary>Public comments of the window that needed an answer.</summary>
    public int AnswerableCount { get; init; }

    /// <summary>Of those, the ones the brand answered.</summary>
    public int AnsweredCount { get; init; }

    /// <summary>Answered over answerable; null when nothing needed an answer.</summary>
    public double? ResponseRate { get; init; }

    /// <summary>The brand's latest post or reply on the channel.</summary>
    public DateTimeOffset? LastBrandActivityAt { get; init; }

    /// <summary>The raw listening figures over the last 7 and 30 days (docs/METRICS.md, "Listening score").</summary>
    public Metrics.ListeningSample? Listening7 { get; init; }

    /// <summary>The raw listening figures over the last 30 days.</summary>
    public Metrics.ListeningSample? Listening30 { get; init; }

    /// <summary>Hourly maxima of the open count over the spike lookback, for the backlog-spike baseline.</summary>
    public IReadOnlyList<Warnings.HourlySample> OpenHistory { get; init; } = [];
}
