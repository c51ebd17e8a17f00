namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#commentThread, in part.</summary>
internal sealed class YouTubeThreadDto
{
    public string? Id { get; set; }

    public YouTubeThreadSnippetDto? Snippet { get; set; }

    public YouTubeRepliesDto? Replies { get; set; }
}
