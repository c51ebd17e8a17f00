namespace ResponseMonitor.Domain.Metrics;

public sealed record MetricsReport(MetricsWindow Window, IReadOnlyList<ChannelMetrics> Channels, IReadOnlyList<BrandMetrics> Brands, ResponseMetrics Total)
{
    public ListeningScore? Listening { get; init; }
}
