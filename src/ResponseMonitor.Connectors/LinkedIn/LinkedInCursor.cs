namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>The channel's cursor (JSON): the page's posts inside the look-back, whose comments are read again every poll.</summary>
internal sealed class LinkedInCursor
{
    public List<LinkedInWatchedPost> Posts { get; set; } = [];
}
