using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Notifications.Sinks;
using ResponseMonitor.Notifications.Webhook;

namespace ResponseMonitor.Notifications.ServiceBus;

/// <summary>
/// Sends each warning event of a batch as its own message to a Service Bus queue or topic, so that a subscription can
/// filter on the application properties <c>channel</c>, <c>rule</c>, <c>severity</c> and <c>event</c>.
/// <c>MessageId</c> is the notification id: a batch the outbox retries after a failure carries the same ids, so the
/// entity's duplicate detection drops what did arrive the first time. Reaches the namespace with a managed identity
/// (its fully qualified name) or a connection string. The outbox owns retries: the client tries once more at most,
/// within the same time-out as the HTTP sinks.
/// </summary>
internal sealed class ServiceBusSink : INotificationSink, IAsyncDisposable
{
    public const string ChannelProperty = "channel";
    public const string RuleProperty = "rule";
    public const string SeverityProperty = "severity";
    public const string EventProperty = "event";

    private readonly string _name;
    private readonly ServiceBusClient _client;
    private readonly ServiceBusSender _sender;

    public ServiceBusSink(string name, SinkOptions options, QuietHours? quietHours)
    {
        ArgumentNullException.ThrowIfNull(options);
        _name = name;
        QuietHours = quietHours;
        var clientOptions = new ServiceBusClientOptions
        {
            Identifier = $"response-monitor-{name}",
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = 1,
                Delay = TimeSpan.FromSeconds(1),
                TryTimeout = TimeSpan.FromSeconds(15),
            },
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _client = new ServiceBusClient(options.ConnectionString, clientOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
            _client = new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
        }

        _sender = _client.CreateSender(EntityOf(options));
    }

    public string Name => _name;

    public string Type => SinkTypes.ServiceBus;

    public QuietHours? QuietHours { get; }

    public async Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var pending = new Queue<ServiceBusMessage>(batch.Deliveries.Select(d => Message(batch, d)));
        try
        {
            // A batch is one AMQP transfer the entity takes or refuses whole; more than fit go in further batches.
            while (pending.Count > 0)
            {
                using var messages = await _sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                while (pending.Count > 0 && messages.TryAddMessage(pending.Peek()))
                {
                    pending.Dequeue();
                }

                if (messages.Count == 0)
                {
                    throw new InvalidOperationException($"Sink '{_name}': notification {pending.Peek().MessageId} is larger than the entity's maximum message size ({messages.MaxSizeInBytes} bytes).");
                }

                await _sender.SendMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ServiceBusException ex)
        {
            // The reason and the broker's words; never the connection string.
            throw new InvalidOperationException($"Sink '{_name}' (Service Bus {_sender.FullyQualifiedNamespace}/{_sender.EntityPath}) did not take the messages: {ex.Reason}: {Shorten(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or AuthenticationFailedException or CredentialUnavailableException)
        {
            throw new InvalidOperationException($"Sink '{_name}' (Service Bus {_sender.FullyQualifiedNamespace}/{_sender.EntityPath}) refused the credential: {ex.GetType().Name}", ex);
        }
    }

    /// <summary>One notification as a message: JSON body, the notification id as <c>MessageId</c>, filterable properties.</summary>
    public static ServiceBusMessage Message(NotificationBatch batch, NotificationDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(delivery);
        var warning = delivery.Warning;
        var severity = warning.Severity.ToString().ToLowerInvariant();
        var body = new ServiceBusWarningMessage(
            delivery.Id, delivery.Event, batch.ChannelId, batch.ChannelName, batch.Language, warning.Rule, warning.Subject, severity,
            warning.State.ToString().ToLowerInvariant(), warning.Message, warning.ItemUrl, warning.Since, warning.FiredAt, warning.ResolvedAt,
            delivery.CreatedAt);
        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(body, NotificationJsonContext.Default.ServiceBusWarningMessage))
        {
            MessageId = delivery.Id,
            ContentType = "application/json",
            Subject = warning.Rule,
        };
        message.ApplicationProperties[ChannelProperty] = batch.ChannelId;
        message.ApplicationProperties[RuleProperty] = warning.Rule;
        message.ApplicationProperties[SeverityProperty] = severity;
        message.ApplicationProperties[EventProperty] = delivery.Event;
        return message;
    }

    /// <summary>The queue or topic: the sink's setting, else the connection string's <c>EntityPath</c>.</summary>
    public static string EntityOf(SinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.QueueOrTopic))
        {
            return options.QueueOrTopic;
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString) ? "" : ServiceBusConnectionStringProperties.Parse(options.ConnectionString).EntityPath ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync().ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
