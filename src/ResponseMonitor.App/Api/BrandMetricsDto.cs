namespace ResponseMonitor.App.Api;

public sealed record BrandMetricsDto(string Brand, int ChannelCount, MetricsDto Metrics);
