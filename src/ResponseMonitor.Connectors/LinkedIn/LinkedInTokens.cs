using System.Collections.Concurrent;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A LinkedIn channel's access tokens. With <c>Settings:clientId</c> and a <c>ClientSecret</c>, the channel's
/// <c>AccessToken</c> is a programmatic refresh token (MDP partners; a year from the member's authorisation, not
/// extended by refreshing) and 60-day access tokens are obtained from <c>POST oauth/v2/accessToken</c>
/// (form-encoded <c>grant_type=refresh_token</c>, https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens),
/// renewed a day before they end or on a 401. A new refresh token the answer carries replaces the one held, through
/// <see cref="RotatedSecrets"/> (Key Vault when configured). Without an app, <c>AccessToken</c> is used as it is.
/// </summary>
internal sealed class LinkedInTokens(PlatformServices platform, PlatformHttp http, RotatedSecrets rotatedSecrets)
{
    private const string RefreshTokenSecret = "AccessToken";

    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refreshEnds = new(StringComparer.Ordinal);

    public bool Renews(string channelId, LinkedInSettings settings) => settings.ClientId is not null && platform.Secrets.GetClientSecret(channelId) is not null;

    /// <summary>When the refresh token ends, once a renewal has said so.</summary>
    public DateTimeOffset? RefreshTokenEnd(string channelId) => _refreshEnds.TryGetValue(channelId, out var end) ? end : null;

    public async ValueTask<string> AccessTokenAsync(HttpClient client, string channelId, LinkedInSettings settings, CancellationToken cancellationToken)
    {
        var configured = platform.Secrets.GetAccessToken(channelId)
            ?? throw new ConnectorException($"Channel {channelId} needs AccessToken for LinkedIn: a refresh token (with Settings:clientId and ClientSecret) or an access token.");
        if (!Renews(channelId, settings))
        {
            return configured;
        }

        var now = platform.Time.GetUtcNow();
        if (_access.TryGetValue(channelId, out var held) && held.Until - Margin > now)
        {
            return held.Token;
        }

        var refresh = rotatedSecrets.Current(channelId, RefreshTokenSecret, configured);
        var request = new PlatformRequest(client, channelId, new Uri(settings.Auth, "accessToken"), "a token")
        {
            Method = HttpMethod.Post,
            Content = () => new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"), new("refresh_token", refresh),
                new("client_id", settings.ClientId!), new("client_secret", platform.Secrets.GetClientSecret(channelId)!),
            ]),
        };
        var token = await http.GetJsonAsync(request, LinkedInTokenJsonContext.Default.LinkedInTokenDto, cancellationToken).ConfigureAwait(false);
        if (token?.AccessToken is not { Length: > 0 } access)
        {
            throw new CredentialRejectedException("LinkedIn issued no access token; check the app's client id and secret and the channel's refresh token.");
        }

        _access[channelId] = (access, now.AddSeconds(token.ExpiresIn is > 0 and var seconds ? seconds : 60 * 86_400));

        // Whether LinkedIn returns the same refresh token or a new one is not documented: keep whatever comes back,
        // and the end it announces (else the one known before).
        if (token.RefreshTokenExpiresIn is > 0 and var left)
        {
            _refreshEnds[channelId] = now.AddSeconds(left);
        }

        if (token.RefreshToken is { Length: > 0 } next && next != refresh)
        {
            await rotatedSecrets.RotateAsync(channelId, RefreshTokenSecret, next, RefreshTokenEnd(channelId), cancellationToken).ConfigureAwait(false);
        }

        return access;
    }

    public ValueTask<bool> RenewAsync(string channelId, LinkedInSettings settings)
    {
        _access.TryRemove(channelId, out _);
        return ValueTask.FromResult(Renews(channelId, settings));
    }
}
