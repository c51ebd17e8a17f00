using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.X;

internal sealed class XMetaDto
{
    [JsonPropertyName("newest_id")]
    public string? NewestId { get; set; }

    [JsonPropertyName("next_token")]
    public string? NextToken { get; set; }
}
