namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// A place notifications go: a webhook, a Teams or Slack channel, a mailbox. Throws when the receiver did not
/// acknowledge; the outbox keeps the batch and retries it.
/// </summary>
public interface INotificationSink
{
    /// <summary>The sink's configured name, which routes refer to.</summary>
    string Name { get; }

    /// <summary><c>webhook</c>, <c>teams</c>, <c>slack</c>, <c>email</c> or <c>servicebus</c>.</summary>
    string Type { get; }

    /// <summary>When this sink is not to be disturbed, if ever.</summary>
    QuietHours? QuietHours { get; }

    /// <summary>Sends a batch; throws when the sink did not acknowledge it, so that it is retried.</summary>
    Task SendAsync(NotificationBatch batch, CancellationToken cancellationToken);
}
