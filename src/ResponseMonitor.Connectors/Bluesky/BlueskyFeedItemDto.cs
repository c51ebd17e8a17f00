using System.Text.Json;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.defs#feedViewPost, in part. A present <see cref="Reason"/> means a repost.</summary>
internal sealed class BlueskyFeedItemDto
{
    public BlueskyPostDto? Post { get; set; }

    public JsonElement? Reason { get; set; }
}
