namespace ResponseMonitor.Connectors.Reddit;

/// <summary>A brand submission whose comment tree is re-read while it is inside the look-back.</summary>
internal sealed class RedditSubmission
{
    public string Id { get; set; } = "";

    /// <summary>Unix seconds.</summary>
    public double Created { get; set; }
}
