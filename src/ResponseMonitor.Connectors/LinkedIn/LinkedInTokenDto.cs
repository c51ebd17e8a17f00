namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// The answer of <c>POST oauth/v2/accessToken</c> with <c>grant_type=refresh_token</c>
/// (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
/// </summary>
internal sealed class LinkedInTokenDto
{
    public string? AccessToken { get; set; }

    public long? ExpiresIn { get; set; }

    public string? RefreshToken { get; set; }

    public long? RefreshTokenExpiresIn { get; set; }
}
