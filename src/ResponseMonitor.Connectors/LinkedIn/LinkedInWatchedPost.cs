namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A post inside the look-back and the comment URNs its last complete read held (a stored one missing from the next
/// complete read was deleted), up to <see cref="LinkedInConnector.MaxTrackedComments"/>.
/// </summary>
internal sealed class LinkedInWatchedPost
{
    public string Id { get; set; } = "";

    /// <summary>Epoch milliseconds.</summary>
    public long Created { get; set; }

    public bool Tracked { get; set; }

    public List<string> Comments { get; set; } = [];
}
