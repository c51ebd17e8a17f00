using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Reads what is new on a channel, page by page, from a cursor. Throws <see cref="ConnectorException"/> on faults.</summary>
public interface IChannelConnector
{
    /// <summary>The channel kind this connector reads.</summary>
    string Kind { get; }

    /// <summary>Reads the channel from the cursor, one page at a time, each with the cursor to resume after it.</summary>
    IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, CancellationToken cancellationToken);
}
