namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// What a platform's token endpoint issues for a refresh token, in OAuth 2.0's names (RFC 6749 §5.1; lifetimes in
/// seconds): TikTok's <c>data</c> of <c>tt_user/oauth2/refresh_token/</c>, LinkedIn's <c>oauth/v2/accessToken</c> answer.
/// </summary>
internal sealed class IssuedTokens
{
    public string? AccessToken { get; set; }

    /// <summary>How long the access token lasts, when the answer says.</summary>
    public long? ExpiresIn { get; set; }

    /// <summary>The refresh token to spend next time, when the platform rotates it.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>How long the refresh token lasts from now, when the answer says.</summary>
    public long? RefreshTokenExpiresIn { get; set; }

    public string? Scope { get; set; }
}
