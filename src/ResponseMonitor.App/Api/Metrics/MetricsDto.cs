namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Response figures over a window. Definitions: docs/METRICS.md.</summary>
internal sealed record MetricsDto(
    int AnswerableCount,
    int AnsweredCount,
    double? ResponseRate,
    TimedSummaryDto FirstResponse,
    TimedSummaryDto NextResponse,
    TimedSummaryDto UnansweredAge,
    IReadOnlyDictionary<string, int> Excluded);
