namespace ResponseMonitor.Connectors.Reddit;

/// <summary>The newest creation time seen, in Unix seconds; stored as the channel's cursor (JSON).</summary>
internal sealed class RedditCursor
{
    public double? Since { get; set; }

    /// <summary>The brand's submissions inside the tree look-back: their trees are read again every poll.</summary>
    public List<RedditSubmission> Submissions { get; set; } = [];
}
