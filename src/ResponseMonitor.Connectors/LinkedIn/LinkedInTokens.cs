using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A LinkedIn channel's access tokens, through <see cref="OAuthRefresh"/>: with <c>Settings:clientId</c> and a
/// <c>ClientSecret</c>, the channel's <c>AccessToken</c> is a programmatic refresh token (MDP partners; a year from the
/// member's authorisation, not extended by refreshing) and 60-day access tokens come from <c>POST oauth/v2/accessToken</c>
/// (form-encoded <c>grant_type=refresh_token</c>, https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens),
/// renewed a day before they end or on a 401. Whether LinkedIn returns the same refresh token or a new one is not
/// documented: whatever comes back is kept. The connector weighs the refresh token's end against the version's sunset.
/// </summary>
internal sealed class LinkedInTokens(PlatformServices platform, PlatformHttp http, RotatedSecrets rotatedSecrets)
{
    private readonly OAuthRefresh _refresh = new(platform, rotatedSecrets, new OAuthRefreshPolicy("LinkedIn", LinkedInConnector.ClientIdSetting, TimeSpan.FromDays(1), TimeSpan.FromDays(60), ReportsRefreshEnd: false));

    /// <summary>The refresh token's end and what to do before it, once a renewal has said so.</summary>
    public CredentialLifetime? RefreshLifetime(string channelId) => _refresh.RefreshLifetime(channelId);

    public ValueTask<string> AccessTokenAsync(HttpClient client, string channelId, LinkedInSettings settings, CancellationToken cancellationToken) =>
        _refresh.AccessTokenAsync(client, channelId, settings.ClientId, (grant, ct) => ExchangeAsync(settings, grant, ct), cancellationToken);

    public ValueTask<bool> RenewAsync(string channelId, LinkedInSettings settings) => _refresh.RenewAsync(channelId, settings.ClientId);

    private Task<IssuedTokens?> ExchangeAsync(LinkedInSettings settings, RefreshGrant grant, CancellationToken cancellationToken)
    {
        var request = new PlatformRequest(grant.Client, grant.ChannelId, new Uri(settings.Auth, "accessToken"), "a token")
        {
            Method = HttpMethod.Post,
            Content = () => new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"), new("refresh_token", grant.RefreshToken),
                new("client_id", grant.ClientId), new("client_secret", grant.ClientSecret),
            ]),
        };
        return http.GetJsonAsync(request, OAuthJsonContext.Default.IssuedTokens, cancellationToken);
    }
}
