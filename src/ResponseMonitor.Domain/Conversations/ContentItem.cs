namespace ResponseMonitor.Domain.Conversations;

/// <summary>
/// A post or comment on a channel, as stored. <see cref="ThreadId"/> is resolved at ingestion
/// (see <see cref="ThreadResolver"/>) so that analysis never needs the whole history of a channel.
/// </summary>
public sealed record ContentItem
{
    public required string Id { get; init; }

    public string? ParentId { get; init; }

    public required ItemKind Kind { get; init; }

    public required string AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

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
