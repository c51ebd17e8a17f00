using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Notifications.Webhook;

/// <summary>
/// POSTs each notification as JSON to the configured URL. Any 2xx is an acknowledgement; anything else throws so the
/// outbox keeps the notification and tries again later. The receiver can dedupe on <c>notificationId</c>.
/// </summary>
public sealed class WebhookWarningNotifier(IHttpClientFactory httpClients, IOptions<NotificationOptions> options, TimeProvider time) : IWarningNotifier
{
    public const string HttpClientName = "warning-webhook";
    public const string TimestampHeader = "X-ResponseMonitor-Timestamp";
    public const string SignatureHeader = "X-ResponseMonitor-Signature";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.WebhookUrl);

    public async Task SendAsync(WarningNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var w = notification.Warning;
        var payload = new WarningPayload(
            notification.Id, notification.Event, w.ChannelId, w.Rule, w.Subject, w.Severity.ToString().ToLowerInvariant(),
            w.State.ToString().ToLowerInvariant(), w.Message, w.ItemUrl, w.Since, w.RaisedAt, w.ResolvedAt, notification.CreatedAt);
        var client = httpClients.CreateClient(HttpClientName);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, NotificationJsonContext.Default.WarningPayload);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(options.Value.WebhookSecret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, Sign(options.Value.WebhookSecret, timestamp, body));
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The warning webhook answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary><c>sha256=</c> + hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>: binding the time into the MAC stops replays.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.UTF8.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
