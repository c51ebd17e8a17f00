namespace ResponseMonitor.App.Api.Metrics;

public sealed record BrandMetricsDto(string Brand, int ChannelCount, MetricsDto Metrics)
{
    public ListeningDto? Listening { get; init; }
}
