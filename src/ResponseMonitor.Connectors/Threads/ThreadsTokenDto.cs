using System.Text.Json.Serialization;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// The answer of <c>GET /refresh_access_token?grant_type=th_refresh_token</c>:
/// <c>{"access_token": "…", "token_type": "bearer", "expires_in": 5183944}</c>
/// (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/).
/// </summary>
internal sealed class ThreadsTokenDto
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }
}
