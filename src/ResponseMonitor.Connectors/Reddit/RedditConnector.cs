using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// Reads a brand's Reddit account (docs/CHANNELS.md): its own submissions and comments (<c>/user/{name}/overview</c>),
/// the replies and mentions in its inbox (<c>/message/comments</c>, <c>/message/mentions</c>), and the comment trees of
/// its recent submissions (<c>/comments/{id}</c>). Listings run newest first with an <c>after</c> token; each is walked
/// back to the high-water mark, which moves only after everything newer is stored.
/// </summary>
public sealed class RedditConnector(IHttpClientFactory httpClients, IChannelSecrets secrets, IOptions<ConnectorOptions> options, TimeProvider time) : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string AuthUrlSetting = "authUrl";
    public const string UsernameSetting = "username";
    public const string ClientIdSetting = "clientId";
    public const string GrantTypeSetting = "grantType";
    public const string TreeLookbackSetting = "treeLookback";

    // Tokens the connector obtained, per channel, with their end: Reddit's last an hour.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public string Kind => ChannelKinds.Reddit;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!channel.Settings.TryGetValue(UsernameSetting, out var username) || string.IsNullOrWhiteSpace(username))
        {
            throw new ConnectorException($"Channel {channel.Id} needs the '{UsernameSetting}' setting.");
        }

        var api = channel.Settings.TryGetValue(ApiUrlSetting, out var apiText) && Uri.TryCreate(apiText, UriKind.Absolute, out var configured) ? configured : new Uri("https://oauth.reddit.com/");
        var treeLookback = channel.Settings.TryGetValue(TreeLookbackSetting, out var lb) && TimeSpan.TryParse(lb, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.FromDays(3);
        var state = Parse(cursor);
        var since = state.Since is { } s ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000)) : (DateTimeOffset?)null;
        var client = httpClients.CreateClient(GenericFeed.GenericFeedConnector.HttpClientName);
        var newest = since;
        var submissions = state.Submissions.ToDictionary(p => p.Id, StringComparer.Ordinal);

        // selfreply: top-level comments on the brand's own submissions (https://www.reddit.com/dev/api/#GET_message_{where}).
        foreach (var (path, what) in new[] { ($"user/{Uri.EscapeDataString(username)}/overview?sort=new", "own posts and comments"), ("message/comments?", "inbox replies"), ("message/selfreply?", "replies to the brand's posts"), ("message/mentions?", "mentions") })
        {
            string? after = null;
            for (var page = 1; page <= options.Value.MaxPagesPerPoll; page++)
            {
                var separator = path.EndsWith('?') ? "" : "&";
                var url = new Uri(api, $"{path}{separator}limit=100&raw_json=1" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
                using var document = await GetAsync(client, channel, username, url, what, page, cancellationToken).ConfigureAwait(false);
                var all = RedditListing.Items(document.RootElement);
                var fresh = all.Where(i => since is null || i.CreatedAt >= since).ToList();
                newest = fresh.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                foreach (var post in fresh.Where(i => i.Kind == ItemKind.Post && string.Equals(i.AuthorId, username, StringComparison.OrdinalIgnoreCase)))
                {
                    submissions[post.Id] = new RedditSubmission { Id = post.Id, Created = post.CreatedAt.ToUnixTimeMilliseconds() / 1000.0 };
                }

                yield return new ConnectorPage(fresh, null);
                after = RedditListing.After(document.RootElement);
                if (since is null || fresh.Count < all.Count || after is null)
                {
                    break;
                }
            }
        }

        // Comment trees of every brand submission inside the look-back, this poll's and earlier ones' alike: the public
        // talk among themselves under the brand's posts for days. Stubs of collapsed replies ("more") are not expanded.
        // Only what is new since the last poll is passed on, so a quiet tree stores nothing and queues no analysis.
        var horizon = time.GetUtcNow() - treeLookback;
        var kept = submissions.Values.Where(p => DateTimeOffset.FromUnixTimeMilliseconds((long)(p.Created * 1000)) >= horizon).OrderByDescending(p => p.Created).ToList();
        var treesNewest = newest;
        foreach (var submission in kept)
        {
            var url = new Uri(api, $"comments/{Uri.EscapeDataString(submission.Id.Replace("t3_", "", StringComparison.Ordinal))}?sort=new&limit=500&raw_json=1");
            using var document = await GetAsync(client, channel, username, url, "comment tree", 1, cancellationToken).ConfigureAwait(false);
            var fresh = RedditListing.Items(document.RootElement).Where(i => since is null || i.CreatedAt >= since).ToList();
            treesNewest = fresh.Select(i => (DateTimeOffset?)i.CreatedAt).Append(treesNewest).Max();
            yield return new ConnectorPage(fresh, null);
        }

        newest = treesNewest;

        state.Since = newest is { } n ? n.ToUnixTimeMilliseconds() / 1000.0 : null;
        state.Submissions = kept;
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, RedditJsonContext.Default.RedditCursor));
    }

    /// <summary>
    /// Reddit requires <c>&lt;platform&gt;:&lt;app ID&gt;:&lt;version&gt; (by /u/&lt;username&gt;)</c> and throttles generic agents
    /// (https://github.com/reddit-archive/reddit/wiki/API, "Rules").
    /// </summary>
    public static string UserAgent(string? clientId, string username) =>
        $"dotnet:{(string.IsNullOrWhiteSpace(clientId) ? "responsemonitor" : clientId)}:1.0 (by /u/{username})";

    private async Task<JsonDocument> GetAsync(HttpClient client, ChannelDefinition channel, string username, Uri url, string what, int page, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, channel, username, cancellationToken).ConfigureAwait(false));
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent(channel.Settings.GetValueOrDefault(ClientIdSetting), username));
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && Renews(channel))
                {
                    // The token ended early (revoked, or the clock is off): get a new one once.
                    _tokens.TryRemove(channel.Id, out _);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throw RateLimited(response, what);
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    // Reddit's network blocks answer 403 with an HTML page; the API answers JSON. Only the latter is about the token.
                    if (response.StatusCode == HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType is not "application/json")
                    {
                        throw new ConnectorException($"Reddit blocked the request for {what} (HTTP 403, not an API answer): the network or agent is blocked, not the token.");
                    }

                    throw new CredentialRejectedException($"Reddit refused the access token reading {what} (HTTP {(int)response.StatusCode}); renew the channel's token.");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ConnectorException($"Reddit {what} page {page} answered HTTP {(int)response.StatusCode}.");
                }

                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException ex)
                {
                    throw new ConnectorException($"Reddit {what} page {page} is not JSON: {ex.Message.Split('.')[0]}.", ex);
                }
            }
            catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
            {
                throw ConnectorFaults.Transport(ex, $"Reddit {what} page {page}");
            }
        }
    }

    /// <summary>With <c>Settings:clientId</c> and a <c>ClientSecret</c> the connector renews its own tokens.</summary>
    private bool Renews(ChannelDefinition channel) =>
        !string.IsNullOrWhiteSpace(channel.Settings.GetValueOrDefault(ClientIdSetting)) && secrets.GetClientSecret(channel.Id) is not null;

    /// <summary>
    /// The bearer token. Without an OAuth app configured, <c>AccessToken</c> is used as it is (renewed outside).
    /// With one, <c>AccessToken</c> is the refresh token of an installed or web app (grant <c>refresh_token</c>), or the
    /// account's password for a script app (<c>Settings:grantType=password</c>), and access tokens are obtained from
    /// <c>POST /api/v1/access_token</c> with the app's id and secret as Basic auth, renewed a minute before they end
    /// (https://github.com/reddit-archive/reddit/wiki/OAuth2).
    /// </summary>
    private async Task<string> TokenAsync(HttpClient client, ChannelDefinition channel, string username, CancellationToken cancellationToken)
    {
        var credential = secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs an OAuth token (AccessToken) for Reddit.");
        if (!Renews(channel))
        {
            return credential;
        }

        if (_tokens.TryGetValue(channel.Id, out var held) && held.Until - TimeSpan.FromMinutes(1) > time.GetUtcNow())
        {
            return held.Token;
        }

        var clientId = channel.Settings[ClientIdSetting];
        var auth = channel.Settings.TryGetValue(AuthUrlSetting, out var authText) && Uri.TryCreate(authText, UriKind.Absolute, out var authUrl) ? authUrl : new Uri("https://www.reddit.com/");
        var password = string.Equals(channel.Settings.GetValueOrDefault(GrantTypeSetting), "password", StringComparison.OrdinalIgnoreCase);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(auth, "api/v1/access_token"))
        {
            Content = new FormUrlEncodedContent(password
                ? [new("grant_type", "password"), new("username", username), new("password", credential)]
                : [new KeyValuePair<string, string>("grant_type", "refresh_token"), new("refresh_token", credential)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(clientId + ":" + secrets.GetClientSecret(channel.Id))));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent(clientId, username));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw RateLimited(response, "a token");
            }

            var token = response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync(RedditJsonContext.Default.RedditTokenDto, cancellationToken).ConfigureAwait(false)
                : null;
            if (token?.AccessToken is not { Length: > 0 } access)
            {
                // 401 (bad app id or secret) or 200 {"error":"invalid_grant"} (revoked refresh token, wrong password).
                throw new CredentialRejectedException($"Reddit refused to issue a token (HTTP {(int)response.StatusCode}{(token?.Error is { } e ? ", " + e : "")}); check the app's id and secret and the channel's refresh token or password.");
            }

            _tokens[channel.Id] = (access, time.GetUtcNow().AddSeconds(token.ExpiresIn is > 0 and var seconds ? seconds : 3600));
            return access;
        }
        catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
        {
            throw ConnectorFaults.Transport(ex, "Reddit's token endpoint");
        }
    }

    /// <summary>A 429: paused for <c>X-Ratelimit-Reset</c> seconds (Reddit's header: seconds until the window resets), else a minute.</summary>
    private RateLimitedException RateLimited(HttpResponseMessage response, string what)
    {
        var seconds = response.Headers.TryGetValues("X-Ratelimit-Reset", out var values) && double.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var reset) && reset is > 0 and < 86_400
            ? reset
            : 60;
        var until = time.GetUtcNow().AddSeconds(seconds);
        return new RateLimitedException($"Reddit rate-limited reading {what}; paused until {until:u}.", until);
    }

    private static RedditCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, RedditJsonContext.Default.RedditCursor, "Reddit");
}
