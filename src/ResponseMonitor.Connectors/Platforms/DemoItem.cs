namespace ResponseMonitor.Connectors.Platforms;

/// <summary>A demo item placed in time, as the emulated platforms serve it; <paramref name="Kind"/> is the seed's (<c>ad-post</c>: a post made for an ad, not in the page's feed).</summary>
public sealed record DemoItem(string Id, string? ParentId, string AuthorId, string? AuthorName, DateTimeOffset CreatedAt, string Text, string Url, string? Kind = null)
{
    /// <summary>The seed kind of a Facebook post that is an ad (served by <c>ads_posts</c>, not by the feed).</summary>
    public const string AdPost = "ad-post";
}
