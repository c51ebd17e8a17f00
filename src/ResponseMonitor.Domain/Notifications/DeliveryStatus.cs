namespace ResponseMonitor.Domain.Notifications;

/// <summary>Where a notification delivery is.</summary>
public enum DeliveryStatus
{
    /// <summary>Stored, not yet acknowledged: due now, retrying after a failure, or held by a silence or quiet hours.</summary>
    Pending,

    /// <summary>The sink acknowledged it. Never sent again.</summary>
    Sent,

    /// <summary>Gave up after the last attempt; kept, visible in the API, and can be retried by hand.</summary>
    Failed,
}
