namespace ResponseMonitor.Domain.Warnings;

/// <summary>A message about a warning's transition, kept in the outbox until a sink acknowledges it.</summary>
public sealed record WarningNotification
{
    public required string Id { get; init; }

    /// <summary><c>raised</c> or <c>resolved</c>.</summary>
    public required string Event { get; init; }

    public required WarningRecord Warning { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }
}
