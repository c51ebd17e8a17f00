namespace ResponseMonitor.Domain.Metrics;

/// <summary>Response metrics over one window: per channel, per brand and for all channels together.</summary>
public sealed record MetricsReport(MetricsWindow Window, IReadOnlyList<ChannelMetrics> Channels, IReadOnlyList<BrandMetrics> Brands, ResponseMetrics Total)
{
    /// <summary>The listening score over every channel; null when not computed.</summary>
    public ListeningScore? Listening { get; init; }
}
