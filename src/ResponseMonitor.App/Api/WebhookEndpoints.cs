using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Push: <c>POST /api/webhooks/{channelId}</c> with a generic feed body, signed per channel. Nothing is stored unless
/// the channel exists, the signature matches the raw bytes and every item is valid. Stored items join the same
/// idempotent path as polled ones, and the channel is queued for analysis.
/// </summary>
public static partial class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/webhooks/{channelId}", ReceiveAsync);
        return api;
    }

    private static async Task<IResult> ReceiveAsync(
        string channelId,
        HttpRequest request,
        IChannelCatalog catalog,
        IChannelSecrets secrets,
        IngestionService ingestion,
        IAnalysisQueue queue,
        IOptions<ApiOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        if (secrets.GetWebhookSecret(channel.Id) is not { } secret)
        {
            return Results.Problem($"Channel '{channel.Id}' has no webhook secret configured, so it accepts no pushes.", statusCode: StatusCodes.Status403Forbidden, title: "Push is not enabled for this channel.");
        }

        var body = await ReadBodyAsync(request, options.Value.MaxWebhookBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem($"The body is larger than {options.Value.MaxWebhookBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large.");
        }

        if (WebhookSignature.Verify(secret, body, request.Headers[WebhookSignature.HeaderName].FirstOrDefault()) is { } signatureError)
        {
            LogRejected(loggers.CreateLogger(typeof(WebhookEndpoints)), channel.Id, signatureError);
            return Problems.Unauthorized(signatureError);
        }

        var parsed = FeedParser.Parse(body);
        if (!parsed.IsValid)
        {
            return Problems.BadRequest(parsed.Error!);
        }

        var result = await ingestion.IngestAsync(channel, parsed.Items, cancellationToken).ConfigureAwait(false);
        if (result.Stored > 0)
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

        return Results.Json(new WebhookAcceptedResponse(channel.Id, result.Stored), ApiJsonContext.Default.WebhookAcceptedResponse, statusCode: StatusCodes.Status202Accepted);
    }

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
}
