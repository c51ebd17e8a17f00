namespace ResponseMonitor.App.Api.Metrics;

/// <summary><c>GET /api/metrics/daily</c>: one entry per calendar day, oldest first, judged as of <c>AsOf</c>.</summary>
internal sealed record DailyMetricsResponse(DateTimeOffset AsOf, IReadOnlyList<DailyMetricsDto> Days);
