using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Notifications.Webhook;

/// <summary>
/// POSTs each notification as JSON to the configured URL. Any 2xx is an acknowledgement; anything else throws so the
/// outbox keeps the notification and tries again later. The receiver can dedupe on <c>notificationId</c>.
/// </summary>
public sealed class WebhookWarningNotifier(IHttpClientFactory httpClients, IOptions<NotificationOptions> options) : IWarningNotifier
{
    public const string HttpClientName = "warning-webhook";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.WebhookUrl);

    public async Task SendAsync(WarningNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var w = notification.Warning;
        var payload = new WarningPayload(
            notification.Id, notification.Event, w.ChannelId, w.Rule, w.Subject, w.Severity.ToString().ToLowerInvariant(),
            w.State.ToString().ToLowerInvariant(), w.Message, w.ItemUrl, w.Since, w.RaisedAt, w.ResolvedAt, notification.CreatedAt);
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(options.Value.WebhookUrl, payload, NotificationJsonContext.Default.WarningPayload, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The warning webhook answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
