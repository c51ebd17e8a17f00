namespace ResponseMonitor.Domain.Conversations;

/// <summary>
/// A post or comment on a channel, as stored. <see cref="ThreadId"/> is resolved at ingestion
/// (see <see cref="ThreadResolver"/>) so that analysis never needs the whole history of a channel.
/// </summary>
public sealed record ContentItem
{
    /// <summary>The platform's id of the item, unique within the channel.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the item this one answers; null for a post.</summary>
    public string? ParentId { get; init; }

    /// <summary>Whether it is a post or a comment.</summary>
    public required ItemKind Kind { get; init; }

    /// <summary>The platform's id of the author.</summary>
    public required string AuthorId { get; init; }

    /// <summary>The author's display name, when the platform gives one.</summary>
    public string? AuthorName { get; init; }

    /// <summary>When the platform says it was published.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its text was last changed; null when never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>What the author wrote.</summary>
    public string Text { get; init; } = "";

    /// <summary>The conversation this item belongs to; empty until resolved.</summary>
    public string ThreadId { get; init; } = "";

    /// <summary>The platform's link to the item, when the source gives one.</summary>
    public string? Url { get; init; }

    /// <summary>Shown, hidden or deleted on the platform (<see cref="ItemState"/>).</summary>
    public ItemState State { get; init; }

    /// <summary>A field was longer than storage takes and was cut (<see cref="ItemRules.Fit"/>).</summary>
    public bool Truncated { get; init; }

    /// <summary>
    /// The critic verdict kept with the item, when one was judged (<see cref="Critics.Verdicts.StoredVerdict"/>); not
    /// part of what a platform sends, and dropped whenever a new version of the item is stored.
    /// </summary>
    public Critics.Verdicts.StoredVerdict? Critic { get; init; }

    /// <summary>When the item last changed at the source: its edit time, else its creation time.</summary>
    public DateTimeOffset ChangedAt => EditedAt is { } edited && edited > CreatedAt ? edited : CreatedAt;
}
