namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#commentThread snippet, in part.</summary>
internal sealed class YouTubeThreadSnippetDto
{
    public string? VideoId { get; set; }

    public YouTubeCommentDto? TopLevelComment { get; set; }

    public int TotalReplyCount { get; set; }
}
