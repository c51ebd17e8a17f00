using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>The part of a Mastodon Account entity the monitor reads.</summary>
internal sealed class MastodonAccountDto
{
    public string? Id { get; set; }

    public string? Acct { get; set; }

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }
}
