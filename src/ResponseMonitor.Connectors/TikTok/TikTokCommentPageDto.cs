namespace ResponseMonitor.Connectors.TikTok;

/// <summary>The <c>data</c> of <c>business/comment/list/</c> and <c>business/comment/reply/list/</c>.</summary>
internal sealed class TikTokCommentPageDto
{
    public List<TikTokCommentDto>? Comments { get; set; }

    public long? Cursor { get; set; }

    public bool HasMore { get; set; }
}
