using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// Drains the outbox. Due deliveries that a silence or the sink's quiet hours cover are held until then; the rest are
/// grouped per sink, channel and rule into one message each, claimed (so one instance sends them), sent, and marked
/// sent once the sink acknowledged. A failure reschedules the batch with exponential backoff; after the last attempt
/// it is marked failed and stays listed. Runs after every analysis and poll cycle, so nothing needs a long-lived process.
/// </summary>
public sealed partial class NotificationDispatcher(
    IWarningStore store,
    ISilenceStore silences,
    INotificationSinkCatalog sinks,
    IChannelCatalog channels,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Sends the outbox's deliveries that are due and not held; returns how many the sinks acknowledged.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        if (sinks.Sinks.Count == 0)
        {
            // Nothing can be routed anywhere, so nothing was queued: save the outbox query.
            return 0;
        }

        var now = time.GetUtcNow();
        var due = await store.GetDueDeliveriesAsync(now, 500, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        var active = (await silences.ListAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.IsActiveAt(now)).ToList();
        var ready = new List<(NotificationDelivery Delivery, INotificationSink Sink)>();
        var parked = new List<NotificationDelivery>();
        foreach (var delivery in due)
        {
            var sink = sinks.Find(delivery.Sink);
            if (sink is null)
            {
                parked.Add(delivery with { Status = DeliveryStatus.Failed, LastError = $"Sink '{delivery.Sink}' is no longer configured." });
            }
            else if (active.Where(s => s.Matches(delivery.Warning, channels.Find(delivery.Warning.ChannelId)?.Brand)).MaxBy(s => s.EndsAt) is { } silence)
            {
                parked.Add(delivery with { HeldBy = "silence:" + silence.Id, NextAttemptAt = silence.EndsAt });
            }
            else if (sink.QuietHours is { } quiet && !quiet.Bypass.Contains(delivery.Warning.Severity) && quiet.QuietUntil(now) is { } until)
            {
                parked.Add(delivery with { HeldBy = "quiet-hours", NextAttemptAt = until });
            }
            else
            {
                ready.Add((delivery, sink));
            }
        }

        foreach (var channelParked in parked.GroupBy(d => d.Warning.ChannelId, StringComparer.Ordinal))
        {
            // Conditional on the versions read: if another instance moved them meanwhile, its view wins.
            await store.UpdateDeliveriesAsync(channelParked.ToList(), cancellationToken).ConfigureAwait(false);
        }

        var sent = 0;
        var groups = ready
            .GroupBy(r => (r.Sink, r.Delivery.Warning.ChannelId, r.Delivery.Warning.Rule))
            .SelectMany(g => g.OrderBy(r => r.Delivery.CreatedAt).ThenBy(r => r.Delivery.Warning.Since).ThenBy(r => r.Delivery.Warning.Subject, StringComparer.Ordinal).Chunk(options.Value.MaxBatchSize).Select(chunk => (g.Key.Sink, Deliveries: chunk.Select(c => c.Delivery).ToList())));
        foreach (var (sink, deliveries) in groups)
        {
            sent += await SendGroupAsync(sink, deliveries, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private async Task<int> SendGroupAsync(INotificationSink sink, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.TryClaimAsync(deliveries, now + options.Value.ClaimTimeout, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return 0;
        }

        var first = claimed[0].Warning;
        var channel = channels.Find(first.ChannelId);
        var batch = new NotificationBatch(
            NotificationIds.Hash(string.Join('|', claimed.Select(d => d.Id))),
            sink.Name,
            first.ChannelId,
            channel?.Name ?? first.ChannelId,
            WarningTexts.Normalize(channel?.Language),
            first.Rule,
            claimed);
        try
        {
            await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = claimed.Max(d => d.Attempts) + 1;
            var failed = attempts >= options.Value.MaxAttempts;
            var delay = TimeSpan.FromTicks(Math.Min(
                options.Value.MaxRetryDelay.Ticks,
                options.Value.RetryDelay.Ticks * (long)Math.Pow(2, Math.Min(attempts - 1, 20))));
            LogDeliveryFailed(logger, sink.Name, first.ChannelId, claimed.Count, attempts, failed ? "none (marked failed)" : delay.ToString(), ex.Message);
            await store.UpdateDeliveriesAsync(
                claimed.Select(d => d with
                {
                    Attempts = attempts,
                    Status = failed ? DeliveryStatus.Failed : DeliveryStatus.Pending,
                    NextAttemptAt = time.GetUtcNow() + delay,
                    LastError = ex.Message,
                    HeldBy = null,
                    ClaimedUntil = null,
                }).ToList(),
                cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var sentAt = time.GetUtcNow();
        await store.UpdateDeliveriesAsync(
            claimed.Select(d => d with { Status = DeliveryStatus.Sent, Attempts = d.Attempts + 1, SentAt = sentAt, HeldBy = null, ClaimedUntil = null }).ToList(),
            cancellationToken).ConfigureAwait(false);
        LogSent(logger, sink.Name, first.ChannelId, first.Rule, claimed.Count);
        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink {Sink} did not take {Count} notifications for channel {ChannelId} (attempt {Attempts}); next attempt in {Delay}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string sink, string channelId, int count, int attempts, string delay, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} notifications to sink {Sink} for channel {ChannelId}, rule {Rule}")]
    private static partial void LogSent(ILogger logger, string sink, string channelId, string rule, int count);
}
