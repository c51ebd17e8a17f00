namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#comment, in part.</summary>
internal sealed class YouTubeCommentDto
{
    public string? Id { get; set; }

    public YouTubeCommentSnippetDto? Snippet { get; set; }
}
