namespace ResponseMonitor.Domain.Metrics;

/// <summary>The response figures of one channel or brand over one window. Definitions: docs/METRICS.md.</summary>
public sealed record ResponseMetrics(
    int AnswerableCount,
    int AnsweredCount,
    double? ResponseRate,
    TimedSummary FirstResponse,
    TimedSummary NextResponse,
    TimedSummary UnansweredAge,
    IReadOnlyDictionary<ExclusionReason, int> Excluded);
