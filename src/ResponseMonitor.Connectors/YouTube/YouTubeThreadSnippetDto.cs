namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#commentThread snippet, in part.</summary>
public sealed class YouTubeThreadSnippetDto
{
    public string? VideoId { get; set; }

    public YouTubeCommentDto? TopLevelComment { get; set; }

    public int TotalReplyCount { get; set; }
}
