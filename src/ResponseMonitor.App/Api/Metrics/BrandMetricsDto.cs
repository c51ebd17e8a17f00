namespace ResponseMonitor.App.Api.Metrics;

internal sealed record BrandMetricsDto(string Brand, int ChannelCount, MetricsDto Metrics)
{
    public ListeningDto? Listening { get; init; }
}
