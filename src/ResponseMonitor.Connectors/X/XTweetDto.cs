using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.X;

/// <summary>An X API v2 Tweet, in part.</summary>
internal sealed class XTweetDto
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    [JsonPropertyName("author_id")]
    public string? AuthorId { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; set; }

    /// <summary>Every version's id, the original first and this one last (https://docs.x.com/x-api/fundamentals/edit-posts).</summary>
    [JsonPropertyName("edit_history_tweet_ids")]
    public List<string>? EditHistoryTweetIds { get; set; }

    [JsonPropertyName("referenced_tweets")]
    public List<XReferenceDto>? ReferencedTweets { get; set; }
}
