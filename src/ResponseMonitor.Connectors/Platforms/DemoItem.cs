namespace ResponseMonitor.Connectors.Platforms;

/// <summary>A demo item placed in time, as the emulated platforms serve it.</summary>
/// <param name="Id">The item's id on its platform.</param>
/// <param name="ParentId">What it answers; null for a post.</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="AuthorName">Their display name.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Text">What it says.</param>
/// <param name="Url">Where a person sees it.</param>
/// <param name="Kind">The seed's kind (<c>ad-post</c>: a post made for an ad, not in the page's feed).</param>
public sealed record DemoItem(string Id, string? ParentId, string AuthorId, string? AuthorName, DateTimeOffset CreatedAt, string Text, string Url, string? Kind = null)
{
    /// <summary>The seed kind of a Facebook post that is an ad (served by <c>ads_posts</c>, not by the feed).</summary>
    public const string AdPost = "ad-post";

    /// <summary>When its author deletes it, if the demo deletes it; an emulator that can say so serves it deleted from then on.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Whether it is deleted at <paramref name="now"/>.</summary>
    /// <param name="now">The demo's clock.</param>
    public bool IsDeletedAt(DateTimeOffset now) => DeletedAt <= now;
}
