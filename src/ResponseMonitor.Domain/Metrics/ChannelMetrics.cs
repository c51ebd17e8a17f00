using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Metrics;

public sealed record ChannelMetrics(ChannelDefinition Channel, ResponseMetrics Metrics)
{
    public ListeningScore? Listening { get; init; }
}
