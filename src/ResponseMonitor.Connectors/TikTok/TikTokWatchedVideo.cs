namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// A video inside the look-back and what its last complete read held: the comment ids (a stored one missing from the
/// next complete read was deleted) and the hidden ones (one shown again becomes visible). Ids are kept up to
/// <see cref="TikTokConnector.MaxTrackedComments"/>; beyond that <see cref="Tracked"/> is false and deletions of that
/// video are not inferred.
/// </summary>
internal sealed class TikTokWatchedVideo
{
    public string Id { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public long Created { get; set; }

    public bool Tracked { get; set; }

    public List<string> Comments { get; set; } = [];

    public List<string> Hidden { get; set; } = [];
}
