using ResponseMonitor.App.Functions;
using System.Security.Cryptography;
using System.Text;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Webhooks;

/// <summary>
/// Push: <c>POST /api/webhooks/{channelId}</c> with a generic feed body, signed per channel. Nothing is stored unless
/// the channel exists, the signature matches the raw bytes and every item is valid. Stored items join the same
/// idempotent path as polled ones, and the channel is queued for analysis.
/// </summary>
internal static partial class WebhookEndpoints
{
    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.ReceiveWebhook, "webhooks/{channelId}", ReceiveAsync, anonymous: true),
        ApiRoute.Get(FunctionNames.VerifyWebhook, "webhooks/{channelId}", Verify, anonymous: true),
    ];

    private static async Task<Results<JsonHttpResult<WebhookAcceptedResponse>, ProblemHttpResult>> ReceiveAsync(
        string channelId,
        HttpRequest request,
        [AsParameters] WebhookServices services,
        CancellationToken cancellationToken)
    {
        var (catalog, secrets, ingestion, itemStates, queue, platforms, options, time, loggers) = services;
        // An unauthenticated caller learns nothing about which channels exist or accept pushes: an unknown channel, a
        // channel without a secret and a wrong signature get the same answer. The log says which it was.
        var body = await ReadBodyAsync(request, options.Value.MaxWebhookBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.Problem($"The body is larger than {options.Value.MaxWebhookBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large.");
        }

        // A platform with a signature scheme of its own (LinkedIn's X-LI-Signature) is checked by its parser; the header's
        // form is judged before the channel is looked up only for X-Hub-Signature-256, so no answer tells a kind apart.
        var header = request.Headers[WebhookSignature.HeaderName].FirstOrDefault();
        var ownScheme = platforms.SignatureHeaders.Any(h => request.Headers.ContainsKey(h));
        if (!ownScheme && WebhookSignature.CheckFormat(header) is { } formatError)
        {
            return Problems.Unauthorized(formatError);
        }

        var channel = catalog.Find(channelId);

        // The channel's platform reads its own deliveries; a platform without a push parser takes the generic feed's.
        var parser = channel is null ? null : platforms.PushParser(channel.Kind);
        var refusal = channel is null || parser is null ? "no such channel" : parser.SignatureHeader is { } own
            ? parser.VerifySignature(channel, body, request.Headers[own].FirstOrDefault())
            : HubRefusal(channel, body, header, request, secrets, time);
        if (refusal is not null || channel is null || parser is null)
        {
            LogRejected(loggers.CreateLogger(typeof(WebhookEndpoints)), channel?.Id ?? Bounded(channelId), refusal ?? "");
            return Problems.Unauthorized(WebhookSignature.Mismatch);
        }

        var parsed = await parser.ParseAsync(channel, body, cancellationToken).ConfigureAwait(false);
        if (parsed.RetryLater is { } later)
        {
            LogDeferred(loggers.CreateLogger(typeof(WebhookEndpoints)), channel.Id, later);
            request.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(later, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The delivery cannot be read yet.");
        }

        if (!parsed.IsValid)
        {
            return Problems.BadRequest(parsed.Error!);
        }

        var result = await ingestion.IngestAsync(channel, parsed.Items, cancellationToken).ConfigureAwait(false);
        var changed = await itemStates.ApplyAsync(channel, parsed.StateChanges, cancellationToken).ConfigureAwait(false);
        await itemStates.ForgetOpenAsync(channel.Id, parsed.Items.Where(i => i.State != Domain.Conversations.ItemState.Visible).Select(i => i.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        if (result.Stored + changed > 0)
        {
            try
            {
                await queue.EnqueueAsync(channel.Id, "push", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stored is what matters; the next poll cycle's refresh analyses the channel anyway.
                LogEnqueueFailed(loggers.CreateLogger(typeof(WebhookEndpoints)), channel.Id, ex);
            }
        }

        foreach (var reason in parsed.Skipped)
        {
            LogEntrySkipped(loggers.CreateLogger(typeof(WebhookEndpoints)), channel.Id, reason);
        }

        // Each platform's parser knows the status its platform expects (Meta: 200; the generic feed: 202).
        return TypedResults.Json(
            new WebhookAcceptedResponse(channel.Id, result.Stored) { Skipped = parsed.Skipped.Count, Changed = changed, BeyondRetention = result.BeyondRetention.Count, BeyondRetentionReason = result.BeyondRetentionReason },
            ApiJsonContext.Default.WebhookAcceptedResponse,
            statusCode: parser.AcceptedStatusCode);
    }

    /// <summary>X-Hub-Signature-256 with the channel's WebhookSecret; a generic feed's push may carry a signed timestamp (docs/GENERIC_FEED.md), and a channel may require one.</summary>
    private static string? HubRefusal(ChannelDefinition channel, byte[] body, string? header, HttpRequest request, IChannelSecrets secrets, TimeProvider time)
    {
        if (secrets.GetWebhookSecret(channel.Id) is not { } secret)
        {
            return "the channel has no webhook secret";
        }

        var requireTimestamp = channel.Settings.TryGetValue(WebhookSignature.RequireTimestampSetting, out var required) && bool.TryParse(required, out var yes) && yes;
        var timestamp = request.Headers[WebhookSignature.TimestampHeaderName].FirstOrDefault();
        return WebhookSignature.Verify(secret, body, header, timestamp, time.GetUtcNow(), requireTimestamp);
    }

    /// <summary>
    /// Meta's subscription handshake: <c>GET ?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c> answers the
    /// challenge as plain text when the token matches the channel's WebhookVerifyToken. A platform with a check of its own
    /// (LinkedIn's <c>?challengeCode=</c>) is answered by its parser. Needs no API key.
    /// </summary>
    private static Results<ContentHttpResult, ProblemHttpResult> Verify(string channelId, HttpRequest request, IChannelCatalog catalog, IChannelSecrets secrets, PlatformRegistry platforms)
    {
        foreach (var parameter in platforms.ChallengeParameters)
        {
            if (request.Query[parameter].FirstOrDefault() is { Length: > 0 } code)
            {
                // Refused alike for an unknown channel, another platform's and one without its secret.
                var known = catalog.Find(channelId);
                var parser = known is null ? null : platforms.PushParser(known.Kind);
                var answer = known is not null && parser?.ChallengeParameter == parameter ? parser.AnswerChallenge(known, code) : null;
                return answer is null
                    ? TypedResults.Problem("This channel does not answer that challenge.", statusCode: StatusCodes.Status403Forbidden, title: "Verification refused.")
                    : TypedResults.Text(answer, "application/json");
            }
        }

        var mode = request.Query["hub.mode"].FirstOrDefault();
        var token = request.Query["hub.verify_token"].FirstOrDefault();
        var challenge = request.Query["hub.challenge"].FirstOrDefault();
        if (mode != "subscribe" || string.IsNullOrEmpty(challenge))
        {
            return Problems.BadRequest("Expected hub.mode=subscribe with hub.verify_token and hub.challenge.");
        }

        // An unknown channel is refused as a wrong token is: the handshake tells no one which channels exist.
        var channel = catalog.Find(channelId);
        var expected = channel is null ? null : secrets.GetWebhookVerifyToken(channel.Id);
        if (expected is null || token is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem("The verify token does not match this channel's WebhookVerifyToken.", statusCode: StatusCodes.Status403Forbidden, title: "Verification refused.");
        }

        return TypedResults.Text(challenge, "text/plain");
    }

    private static string Bounded(string channelId) => channelId.Length <= 64 ? channelId : channelId[..64] + "…";

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for channel {ChannelId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook items for channel {ChannelId} are stored but analysis could not be queued")]
    private static partial void LogEnqueueFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for channel {ChannelId} refused for now: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery to channel {ChannelId}: {Reason}; skipped")]
    private static partial void LogEntrySkipped(ILogger logger, string channelId, string reason);
}
