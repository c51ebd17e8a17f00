using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// Moves a channel's warnings to match the conditions that hold. Each transition is written with its notification in
/// one guarded write; an instance that loses the race to another skips it, so nothing is raised or sent twice.
/// </summary>
public sealed partial class WarningService(IWarningStore store, IWarningNotifier notifier, MonitorMetrics metrics, TimeProvider time, ILogger<WarningService> logger)
{
    public async Task<(int Raised, int Resolved)> ApplyAsync(string channelId, IReadOnlyCollection<WarningCondition> conditions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await store.GetForChannelAsync(channelId, cancellationToken).ConfigureAwait(false);
        var changes = WarningReconciler.Reconcile(stored, conditions, now);
        var raised = 0;
        var resolved = 0;

        foreach (var warning in changes.ToRaise)
        {
            if (await TransitionAsync(warning, "raised", now, cancellationToken).ConfigureAwait(false))
            {
                raised++;
                metrics.WarningRaised(warning.ChannelId, warning.Rule);
                LogRaised(logger, warning.ChannelId, warning.Rule, warning.Subject);
            }
        }

        foreach (var warning in changes.ToResolve)
        {
            if (await TransitionAsync(warning, "resolved", now, cancellationToken).ConfigureAwait(false))
            {
                resolved++;
                LogResolved(logger, warning.ChannelId, warning.Rule, warning.Subject);
            }
        }

        return (raised, resolved);
    }

    private Task<bool> TransitionAsync(WarningRecord warning, string @event, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var notification = new WarningNotification
        {
            // Deterministic per transition, so a retried write cannot enqueue a second copy.
            Id = $"{now.UtcTicks:D19}-{@event}-{warning.TimesRaised}-{NotificationIds.Hash(warning.ChannelId + "|" + warning.Key)}",
            Event = @event,
            Warning = warning,
            CreatedAt = now,
            NextAttemptAt = now,
        };

        // With no sink configured the transition is still recorded; there is simply nothing to deliver.
        return store.TryTransitionAsync(warning, notifier.IsConfigured ? notification : null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warning raised on channel {ChannelId}: {Rule} for {Subject}")]
    private static partial void LogRaised(ILogger logger, string channelId, string rule, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warning resolved on channel {ChannelId}: {Rule} for {Subject}")]
    private static partial void LogResolved(ILogger logger, string channelId, string rule, string subject);
}
