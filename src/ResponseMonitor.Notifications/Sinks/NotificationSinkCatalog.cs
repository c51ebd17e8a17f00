using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Notifications.Email;
using ResponseMonitor.Notifications.ServiceBus;
using ResponseMonitor.Notifications.Slack;
using ResponseMonitor.Notifications.Teams;
using ResponseMonitor.Notifications.Webhook;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>Builds one sink per configured entry, once, at start-up (options are validated before this runs).</summary>
internal sealed class NotificationSinkCatalog : INotificationSinkCatalog, IAsyncDisposable
{
    private readonly Dictionary<string, INotificationSink> _byName;

    public NotificationSinkCatalog(IOptions<NotificationSinksOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _byName = new Dictionary<string, INotificationSink>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, sink) in options.Value.Effective())
        {
            var quiet = sink.QuietHours is { } q ? QuietHoursFactory.Create(q) : null;
            _byName[name] = sink.Type switch
            {
                SinkTypes.Teams => new TeamsSink(name, sink, httpClients, quiet),
                SinkTypes.Slack => new SlackSink(name, sink, httpClients, quiet),
                SinkTypes.Email => new EmailSink(name, sink, quiet),
                SinkTypes.ServiceBus => new ServiceBusSink(name, sink, quiet),
                _ => new WebhookSink(name, sink, httpClients, time, quiet),
            };
        }

        Sinks = _byName.Values.ToList();
    }

    public IReadOnlyList<INotificationSink> Sinks { get; }

    public INotificationSink? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Closes the sinks that hold a connection (Service Bus).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var sink in Sinks.OfType<IAsyncDisposable>())
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }
    }
}
