using System.Collections.Concurrent;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// A Threads channel's long-lived token, refreshed in process. It lives 60 days and "can be refreshed as long as [it
/// is] at least 24 hours old but [has] not expired"; the refresh answers a new token valid 60 days from then, and there
/// is no separate refresh token (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/). The
/// monitor refreshes when the token's end, as debug_token or the last refresh said, is within
/// <see cref="ThreadsSettings.RefreshWithin"/>, or unknown; at most once a day. A refresh that fails is not the read's
/// failure: the read goes on with the token it has, and what the platform answers to that decides. The new token
/// replaces <c>AccessToken</c> through <see cref="RotatedSecrets"/>: written to the vault when there is one, else held
/// in this process (and the dashboard says a person must renew before the end).
/// </summary>
internal sealed class ThreadsTokens(PlatformServices platform, PlatformHttp http, RotatedSecrets rotated)
{
    private const string Secret = "AccessToken";
    private static readonly TimeSpan MinimumAge = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _attempted = new(StringComparer.Ordinal);

    /// <summary>The token to read with: the last refreshed one, else the configured one.</summary>
    public string Current(string channelId, string configured) => rotated.Current(channelId, Secret, configured);

    /// <summary>The refreshed token's end, when this process refreshed it.</summary>
    public DateTimeOffset? RefreshedUntil(string channelId) => _until.TryGetValue(channelId, out var until) ? until : null;

    /// <summary>Refreshes the token when its end is near or unknown; returns a notice when a refresh was refused.</summary>
    public async Task<string?> RefreshIfDueAsync(string channelId, string configured, Uri api, DateTimeOffset? end, TimeSpan within, CancellationToken cancellationToken)
    {
        var now = platform.Time.GetUtcNow();
        if ((end is { } known && known - now > within) || (_attempted.TryGetValue(channelId, out var last) && now - last < MinimumAge))
        {
            return null;
        }

        _attempted[channelId] = now;
        var url = new Uri(api, "../refresh_access_token?grant_type=th_refresh_token&access_token=" + Uri.EscapeDataString(Current(channelId, configured)));
        ThreadsTokenDto? answer;
        try
        {
            // The token travels in the query, as the endpoint requires; IHttpClientFactory's logs redact query strings.
            answer = await http.GetJsonAsync(new PlatformRequest(platform.CreateClient(), channelId, url, "token refresh"), ThreadsJsonContext.Default.ThreadsTokenDto, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or CredentialRejectedException)
        {
            return $"Threads did not refresh the channel's token ({ex.Message}); it is read with the token it has, and refreshing is tried again in a day.";
        }

        if (answer?.AccessToken is not { Length: > 0 } token || answer.ExpiresIn is not > 0)
        {
            return "Threads answered the token refresh without a token; it is read with the token it has.";
        }

        var until = now.AddSeconds(answer.ExpiresIn.Value);
        _until[channelId] = until;
        var kept = await rotated.RotateAsync(channelId, Secret, token, until, cancellationToken).ConfigureAwait(false);
        platform.Credentials.Report(channelId, new CredentialLifetime(now, until, RenewedByMonitor: kept, kept
            ? $"Threads long-lived token, refreshed by the monitor and stored in the vault (60 days, until {until:yyyy-MM-dd}); refreshed again before then"
            : $"Threads long-lived token, refreshed by the monitor but held in this process only (no vault): until {until:yyyy-MM-dd}; a restart reverts to the configured AccessToken, so update it or configure Secrets:VaultUri"));
        return null;
    }
}
