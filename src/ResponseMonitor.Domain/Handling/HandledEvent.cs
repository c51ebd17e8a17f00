namespace ResponseMonitor.Domain.Handling;

/// <summary>One line of a comment's handling history: marked, changed (another reason) or unmarked, by whom, when.</summary>
public sealed record HandledEvent(string ChannelId, string ItemId, string Event, HandledReason Reason, string? By, string? Note, DateTimeOffset At)
{
    public const string Marked = "marked";
    public const string Changed = "changed";
    public const string Unmarked = "unmarked";
}
