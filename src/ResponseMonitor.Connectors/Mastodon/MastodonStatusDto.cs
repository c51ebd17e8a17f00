using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>The part of a Mastodon Status entity the monitor reads.</summary>
internal sealed class MastodonStatusDto
{
    public string? Id { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("edited_at")]
    public DateTimeOffset? EditedAt { get; set; }

    [JsonPropertyName("in_reply_to_id")]
    public string? InReplyToId { get; set; }

    public string? Visibility { get; set; }

    [JsonPropertyName("spoiler_text")]
    public string? SpoilerText { get; set; }

    public string? Content { get; set; }

    public string? Url { get; set; }

    public MastodonAccountDto? Account { get; set; }

    public MastodonStatusDto? Reblog { get; set; }
}
