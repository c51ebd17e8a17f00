using System.Globalization;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// Where a generic feed has been read to: the latest change time stored (sent as <c>since</c>, which is inclusive)
/// and the ids already stored at exactly that instant. An idle poll gets those items back from the feed and drops
/// them, so it stores nothing and queues nothing; an item that shares the instant but was not seen is still taken.
/// A cursor written before the ids were kept (a bare instant) is read as that instant with none seen.
/// </summary>
public sealed class GenericFeedCursor
{
    /// <summary>Ids kept at one instant at most; beyond this, the rest are stored again (idempotently) on each poll.</summary>
    public const int MaxSeen = 200;

    /// <summary>The latest change time stored, as the ISO 8601 text sent back as <c>since</c>.</summary>
    public string? Since { get; set; }

    /// <summary>Ids already stored at exactly <see cref="Since"/>.</summary>
    public List<string> Seen { get; set; } = [];

    /// <summary>Reads a stored cursor: empty, a bare instant (the older form) or JSON.</summary>
    public static GenericFeedCursor Parse(string? cursor) => string.IsNullOrEmpty(cursor)
        ? new GenericFeedCursor()
        : cursor.StartsWith('{')
            ? ConnectorCursor.Parse(cursor, FeedJsonContext.Default.GenericFeedCursor, "generic feed")
            : new GenericFeedCursor { Since = cursor };

    /// <summary><see cref="Since"/> as an instant; null when unset or unreadable.</summary>
    public DateTimeOffset? SinceInstant =>
        Since is not null && DateTimeOffset.TryParse(Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Whether the item is one already stored at the cursor's instant, unchanged since.</summary>
    public bool AlreadyStored(Domain.Conversations.ContentItem item) =>
        SinceInstant is { } at && item.ChangedAt == at && Seen.Contains(item.Id, StringComparer.Ordinal);

    /// <summary>
    /// The cursor after <paramref name="items"/> are stored: the latest instant and the ids seen at it, never past
    /// <paramref name="now"/>. An item inside the clock-skew allowance is read again (and stored again, idempotently)
    /// until now passes it, rather than letting the cursor skip what a feed adds meanwhile.
    /// </summary>
    public GenericFeedCursor After(IReadOnlyList<Domain.Conversations.ContentItem> items, DateTimeOffset now)
    {
        var latest = SinceInstant;
        foreach (var item in items)
        {
            if (latest is null || item.ChangedAt > latest)
            {
                latest = item.ChangedAt;
            }
        }

        if (latest is null)
        {
            return this;
        }

        if (latest > now)
        {
            return new GenericFeedCursor { Since = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) };
        }

        var seen = latest == SinceInstant ? new List<string>(Seen) : [];
        seen.AddRange(items.Where(i => i.ChangedAt == latest && !seen.Contains(i.Id, StringComparer.Ordinal)).Select(i => i.Id));
        return new GenericFeedCursor
        {
            Since = latest.Value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            Seen = seen.Count > MaxSeen ? seen[^MaxSeen..] : seen,
        };
    }

    /// <summary>
    /// This cursor, or now when it lies in the future: a cursor stored before future dates were refused would
    /// otherwise hide every later item for good.
    /// </summary>
    public GenericFeedCursor NotAfter(DateTimeOffset now) =>
        SinceInstant > now ? new GenericFeedCursor { Since = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) } : this;

    /// <summary>The cursor as stored in the channel's state.</summary>
    public string Serialize() => ConnectorCursor.Serialize(this, FeedJsonContext.Default.GenericFeedCursor);
}
