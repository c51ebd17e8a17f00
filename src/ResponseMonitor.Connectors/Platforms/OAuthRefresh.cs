using System.Collections.Concurrent;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// Access tokens renewed in process from a refresh token, the flow TikTok and LinkedIn share. When the channel names its
/// app (<see cref="OAuthRefreshPolicy.ClientIdSetting"/>) and has a <c>ClientSecret</c>, its <c>AccessToken</c> is the
/// refresh token: an access token is obtained from the platform's token endpoint (the platform's own exchange), held
/// until <see cref="OAuthRefreshPolicy.Margin"/> before its end, and dropped when the platform refuses it. A refresh
/// token the answer carries replaces the one spent, through <see cref="RotatedSecrets"/> (written to the vault when
/// there is one); the refresh token's announced end is what a person must act on, so it is reported as the channel's
/// credential end and the credentials-expiring warning fires before it. Without an app, <c>AccessToken</c> is used as it is.
/// </summary>
internal sealed class OAuthRefresh(PlatformServices platform, RotatedSecrets rotatedSecrets, OAuthRefreshPolicy policy)
{
    /// <summary>The channel secret the refresh token is configured as.</summary>
    private const string RefreshTokenSecret = "AccessToken";

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CredentialLifetime> _refreshLifetimes = new(StringComparer.Ordinal);

    /// <summary>Whether the monitor renews the channel's access tokens itself.</summary>
    public bool Renews(string channelId, string? clientId) => clientId is not null && platform.Secrets.GetClientSecret(channelId) is not null;

    /// <summary>The refresh token's end and what a person must do, once a renewal has said so.</summary>
    public CredentialLifetime? RefreshLifetime(string channelId) => _refreshLifetimes.GetValueOrDefault(channelId);

    /// <summary>The access token to send: the configured one, the one held, or one just issued by <paramref name="exchange"/>.</summary>
    public async ValueTask<string> AccessTokenAsync(HttpClient client, string channelId, string? clientId, Func<RefreshGrant, CancellationToken, Task<IssuedTokens?>> exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var configured = platform.Secrets.GetAccessToken(channelId)
            ?? throw new ConnectorException($"Channel {channelId} needs AccessToken for {policy.Platform}: the refresh token (with Settings:{policy.ClientIdSetting} and ClientSecret) or an access token.");
        if (!Renews(channelId, clientId))
        {
            return configured;
        }

        if (_access.TryGetValue(channelId, out var held) && held.Until - policy.Margin > platform.Time.GetUtcNow())
        {
            return held.Token;
        }

        // The refresh token the platform returned last (written where secrets live when a vault is configured), else the configured one.
        var refresh = rotatedSecrets.Current(channelId, RefreshTokenSecret, configured);
        var issued = await exchange(new RefreshGrant(client, channelId, clientId!, platform.Secrets.GetClientSecret(channelId)!, refresh), cancellationToken).ConfigureAwait(false);
        if (issued?.AccessToken is not { Length: > 0 } access)
        {
            throw new CredentialRejectedException($"{policy.Platform} issued no access token; check the app's id and secret and the channel's refresh token.");
        }

        var now = platform.Time.GetUtcNow();
        _access[channelId] = (access, now + (issued.ExpiresIn is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : policy.DefaultLifetime));

        // An answer that does not announce the refresh token's end keeps the end known before.
        var end = issued.RefreshTokenExpiresIn is > 0 and var left ? now.AddSeconds(left) : RefreshLifetime(channelId)?.ExpiresAt;
        var source = $"{policy.Platform} refresh token (access tokens are renewed from it by the monitor)";
        if (issued.RefreshToken is { Length: > 0 } next && next != refresh)
        {
            source = await rotatedSecrets.RotateAsync(channelId, RefreshTokenSecret, next, end, cancellationToken).ConfigureAwait(false)
                ? $"{policy.Platform} refresh token, rotated by {policy.Platform} and stored in the vault by the monitor"
                : $"{policy.Platform} refresh token, rotated by {policy.Platform} and held in this process only (no vault): a restart reverts to the configured AccessToken; configure Secrets:VaultUri";
        }
        else if (rotatedSecrets.IssuedAt(channelId, RefreshTokenSecret) is not null)
        {
            source = $"{policy.Platform} refresh token, rotated by {policy.Platform} earlier in this process";
        }

        // The access token renews itself; the refresh token's end is where a person must authorise the app again.
        var lifetime = new CredentialLifetime(now, end, RenewedByMonitor: false, source + ": authorise the app again before it ends");
        _refreshLifetimes[channelId] = lifetime;
        if (policy.ReportsRefreshEnd)
        {
            platform.Credentials.Report(channelId, lifetime);
        }

        return access;
    }

    /// <summary>Forgets the held access token after the platform refused it: true when the next call renews it.</summary>
    public ValueTask<bool> RenewAsync(string channelId, string? clientId)
    {
        _access.TryRemove(channelId, out _);
        return ValueTask.FromResult(Renews(channelId, clientId));
    }
}
