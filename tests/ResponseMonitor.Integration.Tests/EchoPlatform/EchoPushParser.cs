using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>The echo platform's pushes, answered 200 (not the generic feed's 202), so a test sees which parser ran.</summary>
public sealed class EchoPushParser : IPushParser
{
    public int AcceptedStatusCode => 200;

    public ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            return ValueTask.FromResult(new FeedParseResult(EchoWire.Read(body.Span), null, null));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ValueTask.FromResult(new FeedParseResult([], null, "Not an echo delivery: " + ex.Message));
        }
    }
}
