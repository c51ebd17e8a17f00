namespace ResponseMonitor.Connectors.YouTube;

/// <summary>The replies a thread embeds (at most a few; the rest come from comments.list).</summary>
internal sealed class YouTubeRepliesDto
{
    public List<YouTubeCommentDto>? Comments { get; set; }
}
