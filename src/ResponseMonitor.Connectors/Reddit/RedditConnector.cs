using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
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
internal sealed class RedditConnector(PlatformServices platform, RotatedSecrets rotatedSecrets) : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string AuthUrlSetting = "authUrl";
    public const string UsernameSetting = "username";
    public const string ClientIdSetting = "clientId";
    public const string GrantTypeSetting = "grantType";
    public const string TreeLookbackSetting = "treeLookback";

    // Tokens the connector obtained, per channel, with their end: Reddit's last an hour.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The channel secret a refresh token is configured as.</summary>
    private const string RefreshTokenSecret = "AccessToken";

    /// <summary>Reddit's announced lifetime of a refresh token from its issue (rotation with a one-year expiry).</summary>
    internal static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(365);

    private readonly PlatformHttp _http = platform.CreateHttp(new RedditErrors());

    public string Kind => ChannelKinds.Reddit;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = ChannelSettings.Read(channel, RedditSettings.Read);
        var (api, username, treeLookback) = (settings.Api, settings.Username, settings.TreeLookback);
        var state = Parse(cursor);
        var since = state.Since is { } s ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000)) : (DateTimeOffset?)null;
        var client = platform.CreateClient();
        var newest = since;
        var submissions = state.Submissions.ToDictionary(p => p.Id, StringComparer.Ordinal);

        // A walk cut short (the page limit, collapsed replies left unread) leaves a gap under what it read: the mark
        // stays, so the next poll reads the gap again instead of losing it.
        var truncated = false;

        // selfreply: top-level comments on the brand's own submissions (https://www.reddit.com/dev/api/#GET_message_{where}).
        foreach (var (path, what) in new[] { ($"user/{Uri.EscapeDataString(username)}/overview?sort=new", "own posts and comments"), ("message/comments?", "inbox replies"), ("message/selfreply?", "replies to the brand's posts"), ("message/mentions?", "mentions") })
        {
            string? after = null;
            for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
            {
                var separator = path.EndsWith('?') ? "" : "&";
                var url = new Uri(api, $"{path}{separator}limit=100&raw_json=1" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
                using var document = await GetAsync(client, channel, username, url, $"{what} page {page}", cancellationToken).ConfigureAwait(false);
                var all = RedditListing.Items(document.RootElement).Select(i => AsBrand(channel, username, i)).ToList();
                var fresh = all.Where(i => since is null || i.CreatedAt >= since).ToList();
                newest = fresh.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                foreach (var post in fresh.Where(i => i.Kind == ItemKind.Post && string.Equals(i.AuthorId, username, StringComparison.OrdinalIgnoreCase)))
                {
                    submissions[post.Id] = new RedditSubmission { Id = post.Id, Created = post.CreatedAt.ToUnixTimeMilliseconds() / 1000.0 };
                }

                yield return new ConnectorPage(fresh, null) { StateChanges = Gone(document.RootElement) };
                after = RedditListing.After(document.RootElement);
                if (since is null || fresh.Count < all.Count || after is null)
                {
                    break;
                }

                truncated |= page == platform.Options.MaxPagesPerPoll;
            }
        }

        // Comment trees of every brand submission inside the look-back, this poll's and earlier ones' alike: the public
        // talk among themselves under the brand's posts for days. Collapsed replies ("more" stubs) are expanded.
        // Only what is new since the last poll is passed on, so a quiet tree stores nothing and queues no analysis.
        var horizon = platform.Time.GetUtcNow() - treeLookback;
        var kept = submissions.Values.Where(p => DateTimeOffset.FromUnixTimeMilliseconds((long)(p.Created * 1000)) >= horizon).OrderByDescending(p => p.Created).ToList();
        var treesNewest = newest;
        foreach (var submission in kept)
        {
            var article = submission.Id.Replace("t3_", "", StringComparison.Ordinal);
            var readAt = platform.Time.GetUtcNow();
            var (tree, complete, deleted, listed) = await TreeAsync(client, channel, username, api, article, cancellationToken).ConfigureAwait(false);
            truncated |= !complete;
            var fresh = tree.Select(i => AsBrand(channel, username, i)).Where(i => since is null || i.CreatedAt >= since).ToList();
            treesNewest = fresh.Select(i => (DateTimeOffset?)i.CreatedAt).Append(treesNewest).Max();
            // A deleted or removed comment in a re-read tree leaves storage entirely (Reddit's Data API terms).
            // A tree read whole (every "more" stub expanded, the submission itself answered) also tells which stored
            // comments are gone without a trace: Reddit drops a deleted comment that has no replies from the tree.
            yield return new ConnectorPage(fresh, null)
            {
                StateChanges = [.. deleted.Select(id => new ItemStateChange(id, ItemState.Deleted, platform.Time.GetUtcNow()))],
                Reread = complete && listed
                    ? new ThreadReread(submission.Id, DateTimeOffset.FromUnixTimeMilliseconds((long)(submission.Created * 1000)), tree.Select(i => i.Id).Concat(deleted).ToHashSet(StringComparer.Ordinal), readAt)
                    : null,
            };
        }

        newest = truncated ? since : treesNewest;

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

    /// <summary>
    /// A submission's whole comment tree: <c>/comments/{article}</c>, then its <c>more</c> stubs, up to
    /// <c>MaxPagesPerPoll</c> further requests a tree. Collapsed ids go to <c>/api/morechildren</c> 100 at a time (its
    /// limit; the answer is <c>json.data.things</c>, https://www.reddit.com/dev/api/#GET_api_morechildren); a thread cut
    /// at depth is read from its parent comment's own tree, <c>/comments/{article}/_/{comment}</c>.
    /// </summary>
    /// <summary>
    /// Reddit usernames are case-insensitive ("AcmeCo" and "acmeco" are one account) while BrandAuthorIds compare
    /// exactly: an author that is the brand's, whatever its case, is stored under the configured id.
    /// </summary>
    private static ContentItem AsBrand(ChannelDefinition channel, string username, ContentItem item)
    {
        if (channel.BrandAuthorIds.Contains(item.AuthorId))
        {
            return item;
        }

        var brand = channel.BrandAuthorIds.FirstOrDefault(b => string.Equals(b, item.AuthorId, StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(username, item.AuthorId, StringComparison.OrdinalIgnoreCase) && channel.BrandAuthorIds.Count == 0 ? username : null);
        return brand is null ? item : item with { AuthorId = brand };
    }

    private List<ItemStateChange> Gone(JsonElement root) => [.. RedditListing.Deleted(root).Select(id => new ItemStateChange(id, ItemState.Deleted, platform.Time.GetUtcNow()))];

    /// <returns>The tree's comments, false when collapsed replies were left unread at the request limit, and its deleted comments.</returns>
    private async Task<(List<ContentItem> Items, bool Complete, List<string> Deleted, bool Listed)> TreeAsync(HttpClient client, ChannelDefinition channel, string username, Uri api, string article, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        var deleted = new List<string>();
        var pending = new Queue<RedditMore>();
        void Take(JsonElement root)
        {
            deleted.AddRange(RedditListing.Deleted(root));
            foreach (var item in RedditListing.Items(root))
            {
                items[item.Id] = item;
            }

            foreach (var stub in RedditListing.MoreStubs(root))
            {
                pending.Enqueue(stub);
            }
        }

        // GET /comments/{article} answers [submission Listing, comments Listing]; a missing or unreadable one answers
        // something else, which reads as empty and never as a tree whose comments all vanished.
        bool listed;
        using (var document = await GetAsync(client, channel, username, new Uri(api, $"comments/{Uri.EscapeDataString(article)}?sort=new&limit=500&raw_json=1"), "comment tree", cancellationToken, missingIsEmpty: true).ConfigureAwait(false))
        {
            listed = document.RootElement is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2;
            Take(document.RootElement);
        }

        for (var requests = 0; pending.Count > 0 && requests < platform.Options.MaxPagesPerPoll; requests++)
        {
            var stub = pending.Dequeue();
            Uri url;
            if (stub.Children.Count == 0)
            {
                url = new Uri(api, $"comments/{Uri.EscapeDataString(article)}/_/{Uri.EscapeDataString(stub.ParentId.Replace("t1_", "", StringComparison.Ordinal))}?sort=new&limit=500&raw_json=1");
            }
            else
            {
                var batch = stub.Children.Take(100).ToList();
                if (stub.Children.Count > 100)
                {
                    pending.Enqueue(stub with { Children = stub.Children.Skip(100).ToList() });
                }

                url = new Uri(api, $"api/morechildren?api_type=json&link_id=t3_{Uri.EscapeDataString(article)}&children={string.Join(',', batch.Select(Uri.EscapeDataString))}&sort=new&raw_json=1");
            }

            using var more = await GetAsync(client, channel, username, url, "collapsed replies", cancellationToken, missingIsEmpty: true).ConfigureAwait(false);

            // morechildren answers {"json": {"data": {"things": [...]}}}; a continued thread answers two Listings.
            var root = more.RootElement;
            Take(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("json", out var json) && json.TryGetProperty("data", out var data) && data.TryGetProperty("things", out var things) ? things : root);
        }

        return ([.. items.Values], pending.Count == 0, deleted, listed);
    }

    private async Task<JsonDocument> GetAsync(HttpClient client, ChannelDefinition channel, string username, Uri url, string what, CancellationToken cancellationToken, bool missingIsEmpty = false)
    {
        var request = new PlatformRequest(client, channel.Id, url, what)
        {
            Authorise = async (message, ct) =>
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, channel, username, ct).ConfigureAwait(false));
                message.Headers.TryAddWithoutValidation("User-Agent", UserAgent(channel.Settings.GetValueOrDefault(ClientIdSetting), username));
            },

            // A 401 is a token that ended early (revoked, or the clock is off): with the app's secret, get a new one once.
            Renew = Renews(channel)
                ? ct =>
                {
                    _tokens.TryRemove(channel.Id, out _);
                    return ValueTask.FromResult(true);
                }
                : null,
            NotFoundIsEmpty = missingIsEmpty,
        };
        // A missing tree (a deleted submission) reads as an empty one.
        return await _http.GetDocumentAsync(request, cancellationToken).ConfigureAwait(false) ?? JsonDocument.Parse("{}");
    }

    /// <summary>With <c>Settings:clientId</c> and a <c>ClientSecret</c> the connector renews its own tokens.</summary>
    private bool Renews(ChannelDefinition channel) =>
        !string.IsNullOrWhiteSpace(channel.Settings.GetValueOrDefault(ClientIdSetting)) && platform.Secrets.GetClientSecret(channel.Id) is not null;

    /// <summary>
    /// The bearer token. Without an OAuth app configured, <c>AccessToken</c> is used as it is (renewed outside).
    /// With one, <c>AccessToken</c> is the refresh token of an installed or web app (grant <c>refresh_token</c>), or the
    /// account's password for a script app (<c>Settings:grantType=password</c>), and access tokens are obtained from
    /// <c>POST /api/v1/access_token</c> with the app's id and secret as Basic auth, renewed a minute before they end
    /// (https://github.com/reddit-archive/reddit/wiki/OAuth2).
    /// </summary>
    private async Task<string> TokenAsync(HttpClient client, ChannelDefinition channel, string username, CancellationToken cancellationToken)
    {
        var configured = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs an OAuth token (AccessToken) for Reddit.");
        if (!Renews(channel))
        {
            return configured;
        }

        // Refresh tokens Reddit rotated: the newest is the only one it still honours.
        var credential = rotatedSecrets.Current(channel.Id, RefreshTokenSecret, configured);

        if (_tokens.TryGetValue(channel.Id, out var held) && held.Until - TimeSpan.FromMinutes(1) > platform.Time.GetUtcNow())
        {
            return held.Token;
        }

        var clientId = channel.Settings[ClientIdSetting];
        var auth = channel.Settings.TryGetValue(AuthUrlSetting, out var authText) && Uri.TryCreate(authText, UriKind.Absolute, out var authUrl) ? authUrl : new Uri("https://www.reddit.com/");
        var password = string.Equals(channel.Settings.GetValueOrDefault(GrantTypeSetting), "password", StringComparison.OrdinalIgnoreCase);
        var request = new PlatformRequest(client, channel.Id, new Uri(auth, "api/v1/access_token"), "a token")
        {
            Method = HttpMethod.Post,
            Content = () => new FormUrlEncodedContent(password
                ? [new("grant_type", "password"), new("username", username), new("password", credential)]
                : [new KeyValuePair<string, string>("grant_type", "refresh_token"), new("refresh_token", credential)]),
            Authorise = (message, _) =>
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(clientId + ":" + platform.Secrets.GetClientSecret(channel.Id))));
                message.Headers.TryAddWithoutValidation("User-Agent", UserAgent(clientId, username));
                return ValueTask.CompletedTask;
            },
        };

        // 401 (bad app id or secret) or 200 {"error":"invalid_grant"} (revoked refresh token, wrong password) refuse the credentials.
        var token = await _http.GetJsonAsync(request, RedditJsonContext.Default.RedditTokenDto, cancellationToken).ConfigureAwait(false);
        if (token?.AccessToken is not { Length: > 0 } access)
        {
            throw new CredentialRejectedException($"Reddit refused to issue a token ({token?.Error ?? "no access_token"}); check the app's id and secret and the channel's refresh token or password.");
        }

        var now = platform.Time.GetUtcNow();
        var until = now.AddSeconds(token.ExpiresIn is > 0 and var seconds ? seconds : 3600);
        _tokens[channel.Id] = (access, until);
        if (!password && token.RefreshToken is { Length: > 0 } rotated && rotated != credential)
        {
            // Reddit rotates refresh tokens and ends each a year after issue; prawcore keeps the new one
            // (prawcore/auth.py, Authorizer._request_token). Only the new one works from now on, so it is used for every
            // later renewal and written where secrets live (never to storage or a log); the year's end is reported so
            // that credentials-expiring warns a week before it.
            var kept = await rotatedSecrets.RotateAsync(channel.Id, RefreshTokenSecret, rotated, now + RefreshTokenLifetime, cancellationToken).ConfigureAwait(false);
            platform.Credentials.Report(channel.Id, new CredentialLifetime(now, now + RefreshTokenLifetime, RenewedByMonitor: false, kept
                ? "Reddit refresh token, rotated by Reddit and stored in the vault by the monitor: it ends a year after issue; authorise the app again before then"
                : "Reddit refresh token, rotated by Reddit and held in this process only (no vault): a restart reverts to the configured AccessToken, which Reddit no longer honours; update AccessToken or configure Secrets:VaultUri, and authorise the app again within the year"));
            return access;
        }

        // The refresh token's own year, when its issue date is known (Settings:refreshTokenIssuedAt), is the end a
        // person must act before; the hourly access token renews itself.
        if (!password && RedditSettings.IssuedAt(channel) is { } issued && rotatedSecrets.IssuedAt(channel.Id, RefreshTokenSecret) is null)
        {
            platform.Credentials.Report(channel.Id, new CredentialLifetime(now, issued + RefreshTokenLifetime, RenewedByMonitor: false,
                "Reddit refresh token (Settings:refreshTokenIssuedAt): it ends a year after issue; authorise the app again before then"));
            return access;
        }

        platform.Credentials.Report(channel.Id, new CredentialLifetime(now, until, RenewedByMonitor: true, password
            ? "Reddit access token (an hour), renewed from the script app's password"
            : "Reddit access token (an hour), renewed from the refresh token"));
        return access;
    }

    private static RedditCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, RedditJsonContext.Default.RedditCursor, "Reddit");
}
