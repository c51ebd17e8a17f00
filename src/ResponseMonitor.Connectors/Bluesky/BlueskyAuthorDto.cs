namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.actor.defs#profileViewBasic, in part.</summary>
internal sealed class BlueskyAuthorDto
{
    public string? Did { get; set; }

    public string? Handle { get; set; }

    public string? DisplayName { get; set; }
}
