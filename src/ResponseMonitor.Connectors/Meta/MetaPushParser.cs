using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Meta's webhook deliveries (<see cref="MetaWebhookParser"/>), answered 200 as Meta expects of a delivery it should not
/// resend (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Event Notifications"). The
/// signature, X-Hub-Signature-256, is checked by the route for every platform. A Meta-family platform reuses this
/// with its own <c>object</c>; Instagram's needs the account's username first (<see cref="InstagramUsernames"/>).
/// </summary>
internal sealed class MetaPushParser(InstagramUsernames? usernames = null) : IPushParser
{
    public int AcceptedStatusCode => 200;

    public async ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        // An Instagram push names the brand's own replies only by the account's username: without it they would be
        // stored as the public's. Unknown and not obtainable now, the delivery is deferred so Meta sends it again.
        string? username = null;
        if (usernames is not null)
        {
            try
            {
                username = await usernames.GetAsync(channel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectorException or CredentialRejectedException or RateLimitedException)
            {
                return new FeedParseResult([], null, null)
                {
                    RetryLater = $"The Instagram account's username is not known yet ({ex.Message}); the delivery is not stored so that Meta sends it again. Set Settings:username to receive pushes without asking Instagram.",
                };
            }
        }

        return MetaWebhookParser.ParseFor(channel, body.Span, username);
    }
}
