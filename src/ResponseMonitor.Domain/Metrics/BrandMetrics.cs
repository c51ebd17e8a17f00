namespace ResponseMonitor.Domain.Metrics;

/// <summary>A brand's figures: all its channels' messages and responses pooled.</summary>
public sealed record BrandMetrics(string Brand, int ChannelCount, ResponseMetrics Metrics)
{
    /// <summary>The brand's listening score over all its channels; null when it has none.</summary>
    public ListeningScore? Listening { get; init; }
}
