namespace ResponseMonitor.App.Api.Metrics;

/// <summary>One day (<c>yyyy-MM-dd</c> in each channel's time zone) and the figures of the messages that arrived on it.</summary>
internal sealed record DailyMetricsDto(string Date, MetricsDto Metrics);
