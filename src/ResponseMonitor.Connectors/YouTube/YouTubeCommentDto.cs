namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#comment, in part.</summary>
public sealed class YouTubeCommentDto
{
    public string? Id { get; set; }

    public YouTubeCommentSnippetDto? Snippet { get; set; }
}
