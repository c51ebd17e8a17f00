namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.notification.defs#filterablePreference, in part.</summary>
internal sealed class BlueskyPreferenceDto
{
    public string? Include { get; set; }

    public bool? List { get; set; }
}
