namespace ResponseMonitor.Connectors.YouTube;

/// <summary>youtube#comment snippet, in part.</summary>
internal sealed class YouTubeCommentSnippetDto
{
    public string? AuthorDisplayName { get; set; }

    public YouTubeChannelIdDto? AuthorChannelId { get; set; }

    public string? VideoId { get; set; }

    public string? TextOriginal { get; set; }

    public string? TextDisplay { get; set; }

    public string? ParentId { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
