using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>A push in the generic feed's format (docs/GENERIC_FEED.md), answered 202 as that document says.</summary>
internal sealed class FeedPushParser(TimeProvider time) : IPushParser
{
    public int AcceptedStatusCode => 202;

    public ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FeedParser.Parse(body.Span, time.GetUtcNow()));
}
