using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// Drains the outbox: sends each due notification, marks it sent once the sink acknowledged it, and otherwise
/// reschedules it with exponential backoff. Runs after every analysis and every poll cycle, so a sink that was down
/// receives everything when it is back; nothing depends on a long-running process.
/// </summary>
public sealed partial class NotificationDispatcher(
    IWarningStore store,
    IWarningNotifier notifier,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        if (!notifier.IsConfigured)
        {
            return 0;
        }

        var due = await store.GetDueNotificationsAsync(time.GetUtcNow(), 100, cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var notification in due)
        {
            try
            {
                await notifier.SendAsync(notification, cancellationToken).ConfigureAwait(false);
                await store.MarkSentAsync(notification, cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = notification.Attempts + 1;
                var delay = TimeSpan.FromTicks(Math.Min(
                    options.Value.MaxRetryDelay.Ticks,
                    options.Value.RetryDelay.Ticks * (long)Math.Pow(2, Math.Min(attempts - 1, 20))));
                LogDeliveryFailed(logger, notification.Id, notification.Warning.ChannelId, attempts, delay, ex.Message);
                await store.RescheduleAsync(
                    notification with { Attempts = attempts, NextAttemptAt = time.GetUtcNow() + delay, LastError = ex.Message },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of notification {NotificationId} for channel {ChannelId} failed (attempt {Attempts}); retrying in {Delay}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string notificationId, string channelId, int attempts, TimeSpan delay, string error);
}
