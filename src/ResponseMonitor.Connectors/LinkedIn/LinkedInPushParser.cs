using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Connectors.Meta;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// LinkedIn's webhooks for a company page (docs/CHANNELS.md, "LinkedIn"). The endpoint is validated with
/// <c>GET ?challengeCode={uuid}</c>, answered within 3 s by JSON <c>{challengeCode, challengeResponse}</c>, the response
/// being hex(HMAC-SHA256(challengeCode, clientSecret)); each delivery is signed in <c>X-LI-Signature</c>, "the
/// HMACSHA256 hash of the JSON-encoded string representation of the POST body prefixed by <c>hmacsha256=</c> … computed
/// using your app's clientSecret" (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation).
/// The secret is the channel's ClientSecret, the same app's that renews its tokens. Organization social action
/// notifications (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications)
/// come as <c>{type: ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS, notifications: [...]}</c>: a COMMENT is stored as the
/// poller stores it (the comment URN from <c>decoratedGeneratedActivity.comment.entity</c>, under the post of
/// <c>decoratedSourcePost.entity</c>), an ADMIN_COMMENT is the page's answer, a COMMENT_DELETE deletes; an edit carries
/// no creation time and is left to the next poll, likes and shares are not comments. A delivery may come twice
/// ("deduplicate … using the Notification ID"): storing by comment URN is idempotent.
/// </summary>
internal sealed class LinkedInPushParser(IChannelSecrets secrets) : IPushParser
{
    public const string SignatureHeaderName = "X-LI-Signature";
    public const string ChallengeParameterName = "challengeCode";

    private const string NotificationType = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS";
    private static readonly byte[] SignedPrefix = "hmacsha256="u8.ToArray();

    /// <summary>"it must return a 2xx HTTP status code to indicate successful delivery".</summary>
    public int AcceptedStatusCode => 200;

    public string? SignatureHeader => SignatureHeaderName;

    public string? ChallengeParameter => ChallengeParameterName;

    public string? VerifySignature(ChannelDefinition channel, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (secrets.GetClientSecret(channel.Id) is not { Length: > 0 } secret)
        {
            return "the channel has no ClientSecret (LinkedIn signs with the app's client secret)";
        }

        // The hex digest alone; a sender that repeats the hmacsha256= label before it is read the same.
        var hex = signature?.Trim() ?? "";
        hex = hex.StartsWith("hmacsha256=", StringComparison.OrdinalIgnoreCase) ? hex["hmacsha256=".Length..] : hex;
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return $"the {SignatureHeaderName} header is missing or is not 64 hex digits";
        }

        var signed = new byte[SignedPrefix.Length + body.Length];
        SignedPrefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(SignedPrefix.Length));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected) ? null : "the signature does not match the body";
    }

    public string? AnswerChallenge(ChannelDefinition channel, string challenge)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (secrets.GetClientSecret(channel.Id) is not { Length: > 0 } secret || string.IsNullOrEmpty(challenge) || challenge.Length > 100)
        {
            return null;
        }

        var response = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(challenge)));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("challengeCode", challenge);
            json.WriteString("challengeResponse", response);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public ValueTask<FeedParseResult> ParseAsync(ChannelDefinition channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = ChannelSettings.Read(channel, LinkedInSettings.Read);
        return ValueTask.FromResult(Parse(settings.Organization, LinkedInConnector.Brand(channel, settings), body.Span));
    }

    internal static FeedParseResult Parse(string organization, string brand, ReadOnlySpan<byte> body)
    {
        if (MetaWebhookParser.Json(body, out var failure) is not { } document)
        {
            return failure!;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("notifications", out var notifications) || notifications.ValueKind != JsonValueKind.Array)
            {
                return new FeedParseResult([], null, "The body is not a LinkedIn webhook delivery: it has no 'notifications' list.");
            }

            if (GraphApi.Text(root, "type") is { } type && type != NotificationType)
            {
                return new FeedParseResult([], null, null) { Skipped = [$"notifications of type '{type}' are not read"] };
            }

            var items = new List<ContentItem>();
            var changes = new List<ItemStateChange>();
            var skipped = new List<string>();
            foreach (var notification in notifications.EnumerateArray())
            {
                if (notification.ValueKind != JsonValueKind.Object)
                {
                    skipped.Add("a notification that is not an object");
                    continue;
                }

                var action = GraphApi.Text(notification, "action");
                if (GraphApi.Text(notification, "organizationalEntity") is { } entity && entity != organization)
                {
                    skipped.Add($"a {action} notification for {entity}, not this channel's {organization}");
                    continue;
                }

                var comment = GraphApi.Object(notification, "decoratedGeneratedActivity") is { } decorated ? GraphApi.Object(decorated, "comment") : null;
                var urn = Normalised(comment is { } said ? GraphApi.Text(said, "entity") : null) ?? Normalised(GraphApi.Text(notification, "generatedActivity"));
                var at = notification.TryGetProperty("lastModifiedAt", out var modified) && modified.TryGetInt64(out var ms) ? ms : (long?)null;
                switch (action)
                {
                    case "COMMENT" or "ADMIN_COMMENT" when comment is { } c && urn is not null && at is not null:
                        var post = (GraphApi.Object(notification, "decoratedSourcePost") is { } source ? GraphApi.Text(source, "entity") : null) ?? GraphApi.Text(notification, "sourcePost");
                        var dto = new LinkedInCommentDto
                        {
                            CommentUrn = urn,
                            Actor = action == "ADMIN_COMMENT" ? organization : GraphApi.Text(c, "owner") ?? GraphApi.Text(c, "actor"),
                            Object = GraphApi.Text(c, "object") ?? post,
                            ParentComment = GraphApi.Text(c, "parentComment"),
                            Created = new LinkedInStampDto { Time = at },
                            Message = new LinkedInMessageDto { Text = GraphApi.Text(c, "text") ?? (GraphApi.Object(c, "message") is { } m ? GraphApi.Text(m, "text") : null) },
                        };
                        if (post is null || LinkedInConnector.AsComment(dto, post, organization, brand) is not { } item)
                        {
                            skipped.Add($"a {action} notification without its post or author");
                            continue;
                        }

                        items.Add(item);
                        break;
                    case "COMMENT_DELETE" when urn is not null && at is not null:
                        changes.Add(new ItemStateChange(urn, ItemState.Deleted, DateTimeOffset.FromUnixTimeMilliseconds(at.Value)));
                        break;
                    case "COMMENT_EDIT":
                        skipped.Add("a COMMENT_EDIT notification: it carries no creation time, so the next poll reads the edit");
                        break;
                    default:
                        skipped.Add($"a {action} notification is not a comment");
                        break;
                }
            }

            return new FeedParseResult(items, null, null) { Skipped = skipped, StateChanges = changes };
        }
    }

    /// <summary>A comment URN as the Comments API spells it: generatedActivity may say <c>(activity:…)</c> for <c>(urn:li:activity:…)</c>.</summary>
    private static string? Normalised(string? urn) =>
        urn is { Length: > 0 } && urn.StartsWith("urn:li:comment:(activity:", StringComparison.Ordinal) ? "urn:li:comment:(urn:li:" + urn["urn:li:comment:(".Length..] : urn is { Length: > 0 } ? urn : null;
}
