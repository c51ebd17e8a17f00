using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// Moves a channel's warnings through their lifecycle to match the conditions that hold. Each transition is written
/// with its history entry and one outbox delivery per routed sink in one guarded write; an instance that loses the
/// race to another skips it, so nothing is raised or sent twice.
/// </summary>
public sealed partial class WarningService(
    IWarningStore store,
    NotificationRouter router,
    MonitorMetrics metrics,
    TimeProvider time,
    ILogger<WarningService> logger)
{
    /// <summary>Moves the channel's warnings through their lifecycle given what the rules observe now, and queues the notifications due.</summary>
    public async Task<WarningOutcome> ApplyAsync(ChannelDefinition channel, IReadOnlyCollection<WarningCondition> conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var now = time.GetUtcNow();
        var stored = await store.GetForChannelAsync(channel.Id, cancellationToken).ConfigureAwait(false);
        var transitions = WarningReconciler.Reconcile(stored, conditions, channel.Warnings, now);
        var fired = 0;
        var resolved = 0;
        var notified = 0;

        foreach (var transition in transitions)
        {
            var deliveries = transition.Notify ? Deliveries(channel, transition, now) : [];
            if (!await store.TryTransitionAsync(transition, deliveries, cancellationToken).ConfigureAwait(false))
            {
                LogLostRace(logger, channel.Id, transition.Warning.Rule, transition.Warning.Subject);
                continue;
            }

            var w = transition.Warning;
            notified += deliveries.Count;
            switch (transition.Event)
            {
                case WarningEvents.Firing:
                    fired++;
                    metrics.WarningRaised(w.ChannelId, w.Rule);
                    LogFiring(logger, w.ChannelId, w.Rule, w.Subject, w.Severity, deliveries.Count);
                    break;
                case WarningEvents.Resolved:
                    resolved++;
                    LogResolved(logger, w.ChannelId, w.Rule, w.Subject);
                    break;
                default:
                    LogTransition(logger, w.ChannelId, w.Rule, w.Subject, transition.Event);
                    break;
            }
        }

        return new WarningOutcome(fired, resolved, notified);
    }

    private List<NotificationDelivery> Deliveries(ChannelDefinition channel, WarningTransition transition, DateTimeOffset now)
    {
        var w = transition.Warning;

        // Deterministic per transition and sink, so a retried write cannot enqueue a second copy; time-ordered for reading.
        var stem = $"{now.UtcTicks:D19}-{NotificationIds.Hash($"{w.ChannelId}|{w.Key}|{transition.Event}|{w.TimesFired}")}";
        return router.SinksFor(channel.Brand, w)
            .Select(sink => new NotificationDelivery
            {
                Id = $"{stem}-{NotificationIds.Hash(sink.ToUpperInvariant())[..8]}",
                Sink = sink,
                Event = transition.Event,
                Warning = w,
                CreatedAt = now,
                NextAttemptAt = now,
            })
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warning firing on channel {ChannelId}: {Rule} for {Subject} ({Severity}), {Deliveries} deliveries queued")]
    private static partial void LogFiring(ILogger logger, string channelId, string rule, string subject, WarningSeverity severity, int deliveries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warning resolved on channel {ChannelId}: {Rule} for {Subject}")]
    private static partial void LogResolved(ILogger logger, string channelId, string rule, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warning on channel {ChannelId}: {Rule} for {Subject} is {Event}")]
    private static partial void LogTransition(ILogger logger, string channelId, string rule, string subject, string @event);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance moved warning {Rule} for {Subject} on channel {ChannelId} first")]
    private static partial void LogLostRace(ILogger logger, string channelId, string rule, string subject);
}
