namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>
/// The answer of <c>app.bsky.notification.getPreferences</c>, in part: per reason, whose notifications the account
/// lists (<c>include</c>: <c>all</c> or <c>follows</c>) and whether they are listed at all (<c>list</c>).
/// </summary>
internal sealed class BlueskyPreferencesDto
{
    public Dictionary<string, BlueskyPreferenceDto>? Preferences { get; set; }
}
