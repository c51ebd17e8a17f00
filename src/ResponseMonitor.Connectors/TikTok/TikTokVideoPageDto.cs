namespace ResponseMonitor.Connectors.TikTok;

/// <summary>The <c>data</c> of <c>business/video/list/</c>: a page of the account's videos and the cursor of the next.</summary>
internal sealed class TikTokVideoPageDto
{
    public List<TikTokVideoDto>? Videos { get; set; }

    public long? Cursor { get; set; }

    public bool HasMore { get; set; }
}
