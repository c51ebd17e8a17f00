namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// A comment or reply on an owned video (sns-sdks/python-tiktok <c>BusinessComment</c>, after
/// https://ads.tiktok.com/marketing_api/docs?id=1733329505077250). <c>owner</c> is true for the account's own
/// comments; <c>status</c> is <c>PUBLIC</c> or <c>HIDDEN</c> (only the video's owner sees a hidden one).
/// </summary>
internal sealed class TikTokCommentDto
{
    public string? CommentId { get; set; }

    public string? VideoId { get; set; }

    /// <summary>To be deprecated by TikTok in favour of <see cref="UniqueIdentifier"/>.</summary>
    public string? UserId { get; set; }

    public string? UniqueIdentifier { get; set; }

    /// <summary>Unix seconds.</summary>
    public long? CreateTime { get; set; }

    public string? Text { get; set; }

    public long? Replies { get; set; }

    public bool Owner { get; set; }

    public string? Status { get; set; }

    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public string? ParentCommentId { get; set; }

    /// <summary>The first replies of a top-level comment, with <c>include_replies=true</c>.</summary>
    public List<TikTokCommentDto>? ReplyList { get; set; }
}
