using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// Warnings and their outbox. A transition and its notification are written together, atomically, and only if the
/// warning is still as the caller read it: that is how several instances raise a warning once.
/// </summary>
public interface IWarningStore
{
    Task<IReadOnlyList<WarningRecord>> GetForChannelAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WarningRecord>> ListAsync(WarningState? state, string? channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the new state of <paramref name="warning"/> and, when given, its notification, atomically; false if another
    /// writer changed the warning since it was read (its <see cref="WarningRecord.Version"/>).
    /// </summary>
    Task<bool> TryTransitionAsync(WarningRecord warning, WarningNotification? notification, CancellationToken cancellationToken);

    Task<IReadOnlyList<WarningNotification>> GetDueNotificationsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task MarkSentAsync(WarningNotification notification, CancellationToken cancellationToken);

    Task RescheduleAsync(WarningNotification notification, CancellationToken cancellationToken);
}
