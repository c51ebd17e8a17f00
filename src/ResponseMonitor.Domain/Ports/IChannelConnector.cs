using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Reads what is new on a channel, page by page, from a cursor. Throws <see cref="ConnectorException"/> on faults.</summary>
public interface IChannelConnector
{
    string Kind { get; }

    IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, CancellationToken cancellationToken);
}
