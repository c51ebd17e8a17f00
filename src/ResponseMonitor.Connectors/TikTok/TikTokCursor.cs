namespace ResponseMonitor.Connectors.TikTok;

/// <summary>The channel's cursor (JSON): the videos inside the look-back whose comments are read again every poll.</summary>
internal sealed class TikTokCursor
{
    public List<TikTokWatchedVideo> Videos { get; set; } = [];
}
