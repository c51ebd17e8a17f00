namespace ResponseMonitor.Connectors.TikTok;

/// <summary>A video inside the look-back, and its comments that were hidden at the last read (one shown again becomes visible).</summary>
internal sealed class TikTokWatchedVideo
{
    public string Id { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public long Created { get; set; }

    public List<string> Hidden { get; set; } = [];
}
