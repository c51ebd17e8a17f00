using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// One notification for one sink, kept in the outbox from the moment the transition is stored until the sink
/// acknowledges it. <see cref="Version"/> is the store's concurrency tag, used to claim it so only one instance sends.
/// </summary>
public sealed record NotificationDelivery
{
    public required string Id { get; init; }

    public required string Sink { get; init; }

    /// <summary>The warning event being told: firing, escalated, reminder or resolved.</summary>
    public required string Event { get; init; }

    /// <summary>The warning as it was at the transition.</summary>
    public required WarningRecord Warning { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DeliveryStatus Status { get; init; } = DeliveryStatus.Pending;

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>Why it is waiting although nothing failed: <c>silence:{id}</c> or <c>quiet-hours</c>.</summary>
    public string? HeldBy { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>An instance that claimed it has until then to send it; others leave it alone.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    public string? Version { get; init; }
}
