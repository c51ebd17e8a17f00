using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications.Webhook;

/// <summary>
/// POSTs a batch as JSON, signed when a secret is set: <c>X-ResponseMonitor-Signature: sha256=HMAC(secret,
/// "{timestamp}.{body}")</c> with <c>X-ResponseMonitor-Timestamp</c>, so a receiver can refuse forgeries and replays.
/// Any 2xx acknowledges.
/// </summary>
public sealed class WebhookSink(string name, SinkOptions options, IHttpClientFactory httpClients, TimeProvider time, QuietHours? quietHours) : INotificationSink
{
    /// <summary>The header carrying the Unix time the signature covers.</summary>
    public const string TimestampHeader = "X-ResponseMonitor-Timestamp";

    /// <summary>The header carrying <c>sha256=</c> and the HMAC of the timestamp and body.</summary>
    public const string SignatureHeader = "X-ResponseMonitor-Signature";

    /// <summary>The header carrying the batch's group id, the same on every retry, so a receiver can drop repeats.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Type => SinkTypes.Webhook;

    /// <inheritdoc/>
    public QuietHours? QuietHours => quietHours;

    /// <inheritdoc/>
    public Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var payload = new WebhookPayload(
            batch.GroupId,
            batch.ChannelId,
            batch.ChannelName,
            batch.Language,
            batch.Rule,
            batch.Deliveries.Select(d => new WebhookNotification(
                d.Id, d.Event, d.Warning.Rule, d.Warning.Subject, d.Warning.Severity.ToString().ToLowerInvariant(),
                d.Warning.State.ToString().ToLowerInvariant(), d.Warning.Message, d.Warning.ItemUrl, d.Warning.Since,
                d.Warning.FiredAt, d.Warning.ResolvedAt, d.CreatedAt)).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, NotificationJsonContext.Default.WebhookPayload);
        var headers = new List<KeyValuePair<string, string>> { new(IdempotencyHeader, batch.GroupId) };
        if (!string.IsNullOrEmpty(options.Secret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers.Add(new(TimestampHeader, timestamp));
            headers.Add(new(SignatureHeader, Sign(options.Secret, timestamp, body)));
        }

        return SinkHttp.PostJsonAsync(httpClients.CreateClient(SinkHttp.ClientName), name, options.Url!, body, headers, cancellationToken);
    }

    /// <summary><c>sha256=</c> + hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>: binding the time into the MAC stops replays.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.UTF8.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
