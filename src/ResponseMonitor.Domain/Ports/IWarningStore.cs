using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// Warnings, their history and the outbox of deliveries. A transition, its history entry and its deliveries are
/// written together, atomically, and only if the warning is still as the caller read it: that is how several
/// instances raise a warning once and nothing is sent that was not recorded.
/// </summary>
public interface IWarningStore
{
    /// <summary>The channel's warnings in every state.</summary>
    Task<IReadOnlyList<WarningRecord>> GetForChannelAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Warnings matching the query.</summary>
    Task<IReadOnlyList<WarningRecord>> ListAsync(WarningQuery query, CancellationToken cancellationToken);

    /// <summary>The lifecycle events of warnings matching the query.</summary>
    Task<IReadOnlyList<WarningHistoryEntry>> ListHistoryAsync(WarningQuery query, CancellationToken cancellationToken);

    /// <summary>The warnings <paramref name="query"/> matches (its <see cref="WarningQuery.Max"/> aside), in no set order, read a storage page at a time: a caller holds what it keeps, never the table.</summary>
    IAsyncEnumerable<WarningRecord> StreamAsync(WarningQuery query, CancellationToken cancellationToken);

    /// <summary>History entries as <see cref="StreamAsync"/> reads warnings.</summary>
    IAsyncEnumerable<WarningHistoryEntry> StreamHistoryAsync(WarningQuery query, CancellationToken cancellationToken);

    /// <summary>Outbox deliveries as <see cref="StreamAsync"/> reads warnings.</summary>
    IAsyncEnumerable<NotificationDelivery> StreamDeliveriesAsync(DeliveryStatus? status, string? channelId, string? sink, CancellationToken cancellationToken);

    /// <summary>False if another writer changed the warning since it was read (its <see cref="WarningRecord.Version"/>).</summary>
    Task<bool> TryTransitionAsync(WarningTransition transition, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Pending deliveries whose next attempt is due and that nobody has claimed.</summary>
    Task<IReadOnlyList<NotificationDelivery>> GetDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Claims deliveries of one channel until <paramref name="until"/>, all or none; null if another instance got there first.</summary>
    Task<IReadOnlyList<NotificationDelivery>?> TryClaimAsync(IReadOnlyList<NotificationDelivery> deliveries, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Writes the outcome of deliveries this instance holds (sent, rescheduled, held or failed).</summary>
    Task UpdateDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Notification deliveries, optionally of one status, channel or sink, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DeliveryStatus? status, string? channelId, string? sink, int max, CancellationToken cancellationToken);

    /// <summary>Makes the pending deliveries held by <paramref name="heldBy"/> (e.g. <c>silence:{id}</c>) due at <paramref name="now"/>; how many.</summary>
    Task<int> ReleaseHeldAsync(string heldBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>One delivery of the channel; null when unknown.</summary>
    Task<NotificationDelivery?> GetDeliveryAsync(string channelId, string id, CancellationToken cancellationToken);
}
