namespace ResponseMonitor.Domain.Handling;

/// <summary>
/// A person's word that a public comment needs no answer on the channel. While active, the comment is out of the
/// response clock like an automatic exclusion: not waiting, not counted in rates, not feeding the critic and target
/// rules. Undoing keeps the row (who undid it, when) and the comment's history keeps every event.
/// </summary>
public sealed record HandledMark
{
    public required string ChannelId { get; init; }

    public required string ItemId { get; init; }

    public required HandledReason Reason { get; init; }

    public required string MarkedBy { get; init; }

    public string? Note { get; init; }

    public required DateTimeOffset MarkedAt { get; init; }

    public DateTimeOffset? UndoneAt { get; init; }

    public string? UndoneBy { get; init; }

    /// <summary>The comment was on the waiting list when marked, so undoing the mark puts it back there.</summary>
    public bool WasWaiting { get; init; }

    public bool IsActive => UndoneAt is null;

    /// <summary>Whether the mark applied at <paramref name="instant"/>: a past window is judged by what was known then.</summary>
    public bool IsActiveAt(DateTimeOffset instant) => MarkedAt <= instant && (UndoneAt is null || UndoneAt > instant);
}
