namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#commentThread, in part.</summary>
public sealed class YouTubeThreadDto
{
    public string? Id { get; set; }

    public YouTubeThreadSnippetDto? Snippet { get; set; }

    public YouTubeRepliesDto? Replies { get; set; }
}
