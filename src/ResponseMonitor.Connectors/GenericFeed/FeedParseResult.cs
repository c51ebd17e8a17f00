using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// A parsed feed page: its good items, and each bad one named so a person can fix it. <see cref="Error"/> is the page's
/// own fault (not JSON, no items) or, when items were bad, the first of them: a push is all or nothing
/// (<see cref="IsValid"/>), while a poll keeps the good items and reports the rest (<see cref="IsReadable"/>).
/// </summary>
public sealed record FeedParseResult(IReadOnlyList<ContentItem> Items, string? NextPageToken, string? Error)
{
    /// <summary>The bad items, each with why it was skipped.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Items stored earlier that the delivery says were deleted, hidden or shown again (Meta's remove, hide and unhide).</summary>
    public IReadOnlyList<ItemStateChange> StateChanges { get; init; } = [];

    /// <summary>
    /// Why the delivery cannot be read now though it may be fine (a name the platform must first be asked for): nothing
    /// is stored and the platform is asked to send it again.
    /// </summary>
    public string? RetryLater { get; init; }

    /// <summary>Nothing was wrong: a push may store the page.</summary>
    public bool IsValid => Error is null;

    /// <summary>The page itself could be read; some items may have been skipped.</summary>
    public bool IsReadable => Error is null || Skipped.Count > 0;
}
