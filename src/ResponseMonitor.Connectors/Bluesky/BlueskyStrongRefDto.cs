namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>com.atproto.repo.strongRef, in part.</summary>
internal sealed class BlueskyStrongRefDto
{
    public string? Uri { get; set; }
}
