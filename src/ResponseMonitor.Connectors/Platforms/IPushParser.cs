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

    /// <summary>
    /// The header the platform signs its deliveries in when it has a scheme of its own (LinkedIn's <c>X-LI-Signature</c>);
    /// null: <c>X-Hub-Signature-256</c> with the channel's WebhookSecret, which the route checks itself.
    /// </summary>
    string? SignatureHeader => null;

    /// <summary>The name of the query parameter of the platform's own subscription check (LinkedIn's <c>challengeCode</c>); null: none.</summary>
    string? ChallengeParameter => null;

    /// <summary>Reads one delivery's body into items and state changes, or says why it cannot be stored.</summary>
    ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Checks a delivery signed in <see cref="SignatureHeader"/>: null when it verifies, else why not (logged, never answered).</summary>
    string? VerifySignature(ChannelDefinition channel, ReadOnlySpan<byte> body, string? signature) => "the platform has no signature scheme of its own";

    /// <summary>The JSON that answers the platform's subscription check of <paramref name="challenge"/>; null when the channel cannot answer it.</summary>
    string? AnswerChallenge(ChannelDefinition channel, string challenge) => null;
}
