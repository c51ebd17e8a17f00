namespace ResponseMonitor.Domain.Metrics;

/// <summary>The figures of the messages that arrived on one calendar day of their channel's time zone.</summary>
public sealed record DailyMetrics(DateOnly Date, ResponseMetrics Metrics);
