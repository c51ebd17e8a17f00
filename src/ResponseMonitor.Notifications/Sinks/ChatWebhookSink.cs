using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Notifications;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>A chat platform's incoming webhook: the message is JSON built per platform, POSTed to a secret URL.</summary>
internal abstract class ChatWebhookSink(string name, SinkOptions options, IHttpClientFactory httpClients, QuietHours? quietHours) : INotificationSink
{
    public string Name => name;

    public abstract string Type { get; }

    public QuietHours? QuietHours => quietHours;

    public Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(Build(batch).ToJsonString());
        return SinkHttp.PostJsonAsync(httpClients.CreateClient(SinkHttp.ClientName), name, options.Url!, body, [], cancellationToken);
    }

    protected abstract JsonObject Build(NotificationBatch batch);
}
