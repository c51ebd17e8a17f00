using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>app.bsky.feed.defs#threadViewPost, in part: a post and the replies beneath it (not-found and blocked posts have no post).</summary>
internal sealed class BlueskyThreadDto
{
    [JsonPropertyName("$type")]
    public string? Type { get; set; }

    /// <summary>The post's URI on a notFoundPost or blockedPost, which carry no post.</summary>
    public string? Uri { get; set; }

    /// <summary>True on app.bsky.feed.defs#notFoundPost: the post was deleted.</summary>
    public bool? NotFound { get; set; }

    /// <summary>True on app.bsky.feed.defs#blockedPost: a block hides the post and what is under it.</summary>
    public bool? Blocked { get; set; }

    public BlueskyPostDto? Post { get; set; }

    public List<BlueskyThreadDto>? Replies { get; set; }
}
