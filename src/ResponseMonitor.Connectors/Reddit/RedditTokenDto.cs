namespace ResponseMonitor.Connectors.Reddit;

/// <summary>The answer of <c>POST /api/v1/access_token</c> (https://github.com/reddit-archive/reddit/wiki/OAuth2).</summary>
internal sealed class RedditTokenDto
{
    [System.Text.Json.Serialization.JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; set; }

    /// <summary>A new refresh token, when Reddit rotates it (the old one then stops working); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    public string? Error { get; set; }
}
