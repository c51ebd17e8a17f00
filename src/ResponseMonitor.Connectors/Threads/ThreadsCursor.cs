namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// A Threads channel's cursor (JSON): the newest reply time stored, and the reply ids each watched post's last complete
/// conversation walk returned, so that one missing from the next complete walk is known to be deleted.
/// </summary>
internal sealed class ThreadsCursor
{
    /// <summary>At most this many reply ids are kept over all posts, so the cursor stays small (the oldest posts' go first).</summary>
    public const int MaxTrackedReplies = 600;

    public long? Since { get; set; }

    public List<ThreadsPostReplies> Posts { get; set; } = [];
}
