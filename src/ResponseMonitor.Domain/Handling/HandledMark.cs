namespace ResponseMonitor.Domain.Handling;

/// <summary>
/// A person's word that a public comment needs no answer on the channel. While active, the comment is out of the
/// response clock like an automatic exclusion: not waiting, not counted in rates, not feeding the critic and target
/// rules. Undoing keeps the row (who undid it, when) and the comment's history keeps every event.
/// </summary>
public sealed record HandledMark
{
    /// <summary>The channel of the comment.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The comment marked.</summary>
    public required string ItemId { get; init; }

    /// <summary>Why it needs no answer.</summary>
    public required HandledReason Reason { get; init; }

    /// <summary>Who marked it.</summary>
    public required string MarkedBy { get; init; }

    /// <summary>What they wrote about it, if anything.</summary>
    public string? Note { get; init; }

    /// <summary>When it was marked.</summary>
    public required DateTimeOffset MarkedAt { get; init; }

    /// <summary>When the mark was undone; null while active.</summary>
    public DateTimeOffset? UndoneAt { get; init; }

    /// <summary>Who undid it.</summary>
    public string? UndoneBy { get; init; }

    /// <summary>The comment was on the waiting list when marked, so undoing the mark puts it back there.</summary>
    public bool WasWaiting { get; init; }

    /// <summary>The mark applies: it was not undone.</summary>
    public bool IsActive => UndoneAt is null;

    /// <summary>Whether the mark applied at <paramref name="instant"/>: a past window is judged by what was known then.</summary>
    public bool IsActiveAt(DateTimeOffset instant) => MarkedAt <= instant && (UndoneAt is null || UndoneAt > instant);
}
