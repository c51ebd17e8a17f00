namespace ResponseMonitor.Domain.Handling;

/// <summary>One line of a comment's handling history: marked, changed (another reason) or unmarked, by whom, when.</summary>
public sealed record HandledEvent(string ChannelId, string ItemId, string Event, HandledReason Reason, string? By, string? Note, DateTimeOffset At)
{
    /// <summary>The comment was marked handled.</summary>
    public const string Marked = "marked";

    /// <summary>An active mark's reason was changed.</summary>
    public const string Changed = "changed";

    /// <summary>The mark was undone; the comment waits again.</summary>
    public const string Unmarked = "unmarked";
}
