using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// One notification for one sink, kept in the outbox from the moment the transition is stored until the sink
/// acknowledges it. <see cref="Version"/> is the store's concurrency tag, used to claim it so only one instance sends.
/// </summary>
public sealed record NotificationDelivery
{
    /// <summary>The delivery's id, the same on every retry.</summary>
    public required string Id { get; init; }

    /// <summary>The name of the sink it goes to.</summary>
    public required string Sink { get; init; }

    /// <summary>The warning event being told: firing, escalated, reminder or resolved.</summary>
    public required string Event { get; init; }

    /// <summary>The warning as it was at the transition.</summary>
    public required WarningRecord Warning { get; init; }

    /// <summary>When the transition was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the delivery is.</summary>
    public DeliveryStatus Status { get; init; } = DeliveryStatus.Pending;

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When it may next be tried.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Why the latest attempt failed.</summary>
    public string? LastError { get; init; }

    /// <summary>Why it is waiting although nothing failed: <c>silence:{id}</c> or <c>quiet-hours</c>.</summary>
    public string? HeldBy { get; init; }

    /// <summary>When the sink acknowledged it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>An instance that claimed it has until then to send it; others leave it alone.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>The store's concurrency tag as read.</summary>
    public string? Version { get; init; }
}
