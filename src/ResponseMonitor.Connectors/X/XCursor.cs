namespace ResponseMonitor.Connectors.X;

/// <summary>The newest tweet id read from each timeline (<c>since_id</c>); stored as the channel's cursor (JSON).</summary>
internal sealed class XCursor
{
    public string? MentionsSince { get; set; }

    public string? TweetsSince { get; set; }

    /// <summary>The brand's posts inside the conversation look-back, each with its own <c>since_id</c>.</summary>
    public List<XConversation> Conversations { get; set; } = [];
}
