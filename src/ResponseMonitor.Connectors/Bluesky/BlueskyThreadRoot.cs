namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>A brand post whose thread is read again each poll while it is inside the thread look-back.</summary>
internal sealed class BlueskyThreadRoot
{
    public string Uri { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
