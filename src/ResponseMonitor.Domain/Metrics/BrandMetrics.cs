namespace ResponseMonitor.Domain.Metrics;

/// <summary>A brand's figures: all its channels' messages and responses pooled.</summary>
public sealed record BrandMetrics(string Brand, int ChannelCount, ResponseMetrics Metrics)
{
    public ListeningScore? Listening { get; init; }
}
