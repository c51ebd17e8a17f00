namespace ResponseMonitor.Connectors.Threads;

/// <summary>The reply ids one post's last complete conversation walk returned.</summary>
internal sealed class ThreadsPostReplies
{
    public string Id { get; set; } = "";

    /// <summary>The post's creation, Unix seconds: posts leave the cursor as they leave the look-back.</summary>
    public long Created { get; set; }

    public List<string> Replies { get; set; } = [];
}
