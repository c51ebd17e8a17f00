namespace ResponseMonitor.App.Api;

public sealed record ChannelMetricsDto(string ChannelId, string Name, string Brand, bool HasBusinessHours, MetricsDto Metrics);
