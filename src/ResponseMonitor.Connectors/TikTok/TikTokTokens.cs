using System.Collections.Concurrent;
using System.Net.Http.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// A TikTok channel's access tokens. With <c>Settings:appId</c> and a <c>ClientSecret</c>, the channel's
/// <c>AccessToken</c> is the refresh token (a year from the account's consent) and one-day access tokens are obtained
/// from <c>POST tt_user/oauth2/refresh_token/</c> (https://business-api.tiktok.com/portal/docs?id=1738084387220481),
/// renewed an hour before they end or when TikTok answers 40102. Each answer carries the refresh token to use next:
/// the newest one is used for every later renewal and handed to <see cref="RotatedSecrets"/> (Key Vault when
/// configured), and its end is reported so that credentials-expiring warns before a person must authorise the app again. Without an app, <c>AccessToken</c> is used as it is (renewed outside).
/// </summary>
internal sealed class TikTokTokens(PlatformServices platform, PlatformHttp http, RotatedSecrets rotatedSecrets)
{
    /// <summary>The channel secret the refresh token is configured as.</summary>
    private const string RefreshTokenSecret = "AccessToken";

    /// <summary>Renew this long before the access token's announced end.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _access = new(StringComparer.Ordinal);

    /// <summary>Whether the connector renews the channel's tokens itself.</summary>
    public bool Renews(string channelId, TikTokSettings settings) => settings.AppId is not null && platform.Secrets.GetClientSecret(channelId) is not null;

    /// <summary>The access token to send as <c>Access-Token</c>.</summary>
    public async ValueTask<string> AccessTokenAsync(HttpClient client, string channelId, TikTokSettings settings, CancellationToken cancellationToken)
    {
        var configured = platform.Secrets.GetAccessToken(channelId)
            ?? throw new ConnectorException($"Channel {channelId} needs AccessToken for TikTok: the refresh token (with Settings:appId and ClientSecret) or an access token.");
        if (!Renews(channelId, settings))
        {
            return configured;
        }

        if (_access.TryGetValue(channelId, out var held) && held.Until - Margin > platform.Time.GetUtcNow())
        {
            return held.Token;
        }

        // The refresh token TikTok returned last (written where secrets live when a vault is configured), else the configured one.
        var refresh = rotatedSecrets.Current(channelId, RefreshTokenSecret, configured);
        var body = new TikTokRefreshRequestDto(settings.AppId!, platform.Secrets.GetClientSecret(channelId)!, "refresh_token", refresh);
        var request = new PlatformRequest(client, channelId, new Uri(settings.Api, "v1.3/tt_user/oauth2/refresh_token/"), "a token")
        {
            Method = HttpMethod.Post,
            Content = () => JsonContent.Create(body, TikTokJsonContext.Default.TikTokRefreshRequestDto),
        };

        // 40103 (refresh token expired) and 40107 (invalid) are classified as refused credentials: a person must consent again.
        var answer = await http.GetJsonAsync(request, TikTokJsonContext.Default.TikTokAnswerDtoTikTokTokenDto, cancellationToken).ConfigureAwait(false);
        if (answer?.Data?.AccessToken is not { Length: > 0 } access)
        {
            throw new CredentialRejectedException($"TikTok issued no access token ({answer?.Message ?? "empty answer"}); check the app id, its secret and the channel's refresh token.");
        }

        var now = platform.Time.GetUtcNow();
        _access[channelId] = (access, now.AddSeconds(answer.Data.ExpiresIn is > 0 and var seconds ? seconds : 86_400));
        // The access token renews itself; what a person must act on is the refresh token's end (a year from consent,
        // not reset by refreshing: the recorded answer's refresh_token_expires_in is below 365 days).
        var end = answer.Data.RefreshTokenExpiresIn is > 0 and var left ? now.AddSeconds(left) : (DateTimeOffset?)null;
        var source = "TikTok refresh token (access tokens of a day are renewed from it): authorise the app again before it ends";
        if (answer.Data.RefreshToken is { Length: > 0 } next && next != refresh)
        {
            source = await rotatedSecrets.RotateAsync(channelId, RefreshTokenSecret, next, end, cancellationToken).ConfigureAwait(false)
                ? "TikTok refresh token, rotated by TikTok and stored in the vault by the monitor: authorise the app again before it ends"
                : "TikTok refresh token, rotated by TikTok and held in this process only (no vault): a restart reverts to the configured AccessToken; configure Secrets:VaultUri, and authorise the app again before it ends";
        }
        else if (rotatedSecrets.IssuedAt(channelId, RefreshTokenSecret) is not null)
        {
            source = "TikTok refresh token, rotated by TikTok earlier in this process: authorise the app again before it ends";
        }

        platform.Credentials.Report(channelId, new CredentialLifetime(now, end, RenewedByMonitor: false, source));
        return access;
    }

    /// <summary>Forgets the held access token after TikTok refused it (40102, 40105): the next call renews.</summary>
    public ValueTask<bool> RenewAsync(string channelId, TikTokSettings settings)
    {
        _access.TryRemove(channelId, out _);
        return ValueTask.FromResult(Renews(channelId, settings));
    }
}
