using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// Reads a platform's webhook delivery to one channel, after the route has checked its signature. A delivery is all or
/// nothing: an invalid one is refused (400) and nothing of it is stored.
/// </summary>
public interface IPushParser
{
    /// <summary>The status a stored delivery is answered with: what the platform expects so that it does not resend.</summary>
    int AcceptedStatusCode { get; }

    ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
