using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>One channel's response metrics over the report's window.</summary>
public sealed record ChannelMetrics(ChannelDefinition Channel, ResponseMetrics Metrics)
{
    /// <summary>The channel's listening score; null when not computed.</summary>
    public ListeningScore? Listening { get; init; }
}
