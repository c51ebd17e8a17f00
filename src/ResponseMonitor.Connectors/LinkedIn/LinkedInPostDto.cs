namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A post of the Posts API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
/// its URN (<c>urn:li:share:…</c> or <c>urn:li:ugcPost:…</c>), author, text and times in epoch milliseconds.
/// </summary>
internal sealed class LinkedInPostDto
{
    public string? Id { get; set; }

    public string? Author { get; set; }

    public string? Commentary { get; set; }

    public long? CreatedAt { get; set; }

    public long? PublishedAt { get; set; }
}
