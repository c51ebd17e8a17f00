namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// The <c>data</c> of <c>POST tt_user/oauth2/refresh_token/</c> (https://business-api.tiktok.com/portal/docs?id=1738084387220481;
/// recorded answer: sns-sdks/python-tiktok testsdata/business/access_token/refresh_resp.json): a one-day access token
/// and the refresh token to use next, with its own remaining lifetime.
/// </summary>
internal sealed class TikTokTokenDto
{
    public string? AccessToken { get; set; }

    public long? ExpiresIn { get; set; }

    public string? OpenId { get; set; }

    public string? RefreshToken { get; set; }

    public long? RefreshTokenExpiresIn { get; set; }

    public string? Scope { get; set; }
}
