namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>A post inside the look-back, whose comments are read again every poll.</summary>
internal sealed class LinkedInWatchedPost
{
    public string Id { get; set; } = "";

    /// <summary>Epoch milliseconds.</summary>
    public long Created { get; set; }
}
