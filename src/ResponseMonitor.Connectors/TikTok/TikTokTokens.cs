using System.Net.Http.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// A TikTok channel's access tokens, through <see cref="OAuthRefresh"/>: with <c>Settings:appId</c> and a
/// <c>ClientSecret</c>, the channel's <c>AccessToken</c> is the refresh token (a year from the account's consent, not
/// reset by refreshing: the recorded answer's <c>refresh_token_expires_in</c> is below 365 days) and one-day access
/// tokens come from <c>POST tt_user/oauth2/refresh_token/</c> with a JSON body
/// (https://business-api.tiktok.com/portal/docs?id=1738084387220481; answer as recorded in sns-sdks/python-tiktok,
/// MIT, testsdata/business/access_token/refresh_resp.json), renewed an hour before they end or on code 40102.
/// </summary>
internal sealed class TikTokTokens(PlatformServices platform, PlatformHttp http, RotatedSecrets rotatedSecrets)
{
    private readonly OAuthRefresh _refresh = new(platform, rotatedSecrets, new OAuthRefreshPolicy("TikTok", TikTokConnector.AppIdSetting, TimeSpan.FromHours(1), TimeSpan.FromDays(1), ReportsRefreshEnd: true));

    /// <summary>The access token to send as <c>Access-Token</c>.</summary>
    public ValueTask<string> AccessTokenAsync(HttpClient client, string channelId, TikTokSettings settings, CancellationToken cancellationToken) =>
        _refresh.AccessTokenAsync(client, channelId, settings.AppId, (grant, ct) => ExchangeAsync(settings, grant, ct), cancellationToken);

    /// <summary>Forgets the held access token after TikTok refused it (40102, 40105): the next call renews.</summary>
    public ValueTask<bool> RenewAsync(string channelId, TikTokSettings settings) => _refresh.RenewAsync(channelId, settings.AppId);

    // 40103 (refresh token expired) and 40107 (invalid) are classified as refused credentials: a person must consent again.
    private async Task<IssuedTokens?> ExchangeAsync(TikTokSettings settings, RefreshGrant grant, CancellationToken cancellationToken)
    {
        var body = new TikTokRefreshRequestDto(grant.ClientId, grant.ClientSecret, "refresh_token", grant.RefreshToken);
        var request = new PlatformRequest(grant.Client, grant.ChannelId, new Uri(settings.Api, "v1.3/tt_user/oauth2/refresh_token/"), "a token")
        {
            Method = HttpMethod.Post,
            Content = () => JsonContent.Create(body, TikTokJsonContext.Default.TikTokRefreshRequestDto),
        };
        var answer = await http.GetJsonAsync(request, TikTokJsonContext.Default.TikTokAnswerDtoIssuedTokens, cancellationToken).ConfigureAwait(false);
        return answer?.Data;
    }
}
