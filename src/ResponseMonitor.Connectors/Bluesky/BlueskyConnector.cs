using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>
/// Reads a brand's Bluesky account (docs/CHANNELS.md): its own posts and replies from
/// <c>app.bsky.feed.getAuthorFeed</c>, and the public's replies, mentions and quotes from
/// <c>app.bsky.notification.listNotifications</c>. Both list newest first with an opaque backwards cursor, so each poll
/// walks back until it meets what it saw last time, and only then moves the stored high-water mark: a page that fails
/// midway leaves the cursor where it was. The channel's secret is an app password, exchanged for a session with
/// <c>com.atproto.server.createSession</c> and renewed when it expires. The threads of the brand's recent posts
/// (<c>getPostThread</c>, within <c>threadLookback</c>, default 3 days) are read too, for replies that reach the brand
/// neither by reply nor by mention.
/// </summary>
internal sealed class BlueskyConnector(PlatformServices platform) : IChannelConnector
{
    public const string ServiceUrlSetting = "serviceUrl";
    public const string ActorSetting = "actor";
    public const string ThreadLookbackSetting = "threadLookback";
    private const int PageSize = 50;
    private static readonly string[] AnswerableReasons = ["reply", "mention", "quote"];

    private static readonly string Reasons = string.Concat(AnswerableReasons.Select(r => "&reasons=" + r));

    private readonly ConcurrentDictionary<string, BlueskySessionDto> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _preferencesReadAt = new(StringComparer.Ordinal);
    private readonly PlatformHttp _http = platform.CreateHttp(new BlueskyErrors());

    public string Kind => ChannelKinds.Bluesky;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (service, actor, lookback) = ChannelSettings.Read(channel, BlueskySettings.Read);

        var state = Parse(cursor);
        var client = platform.CreateClient();
        var appPassword = platform.Secrets.GetAccessToken(channel.Id);

        // The brand's own posts and replies. A walk cut at the page limit before it meets the mark leaves a gap under
        // what it read: the mark then stays, and the next poll reads the gap again (ingestion is idempotent).
        var horizon = platform.Time.GetUtcNow() - lookback;
        var roots = state.Threads.ToDictionary(r => r.Uri, StringComparer.Ordinal);
        var feedSince = state.FeedSince;
        var feedCut = false;
        string? next = null;
        for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var url = new Uri(service, $"xrpc/app.bsky.feed.getAuthorFeed?actor={Uri.EscapeDataString(actor)}&filter=posts_with_replies&limit={PageSize}" + (next is null ? "" : "&cursor=" + Uri.EscapeDataString(next)));
            var feed = await GetAsync(client, channel.Id, service, actor, appPassword, url, BlueskyJsonContext.Default.BlueskyAuthorFeedDto, "author feed", page, cancellationToken).ConfigureAwait(false);
            var entries = (feed.Feed ?? []).Where(f => f.Reason is null || f.Reason.Value.ValueKind == JsonValueKind.Null).Select(f => f.Post).OfType<BlueskyPostDto>().ToList();
            var fresh = entries.Where(p => state.FeedSince is null || p.IndexedAt >= state.FeedSince).ToList();

            // Every brand post of the walk inside the look-back, on any page, keeps its thread read for days (as X's
            // conversations and Reddit's trees are).
            foreach (var root in entries.Where(p => p.Record?.Reply is null && p.Uri is not null && p.Record?.CreatedAt >= horizon))
            {
                roots.TryAdd(root.Uri!, new BlueskyThreadRoot { Uri = root.Uri!, CreatedAt = root.Record!.CreatedAt!.Value.ToUniversalTime() });
            }

            feedSince = fresh.Aggregate(feedSince, (max, p) => p.IndexedAt > max || max is null ? p.IndexedAt : max);
            yield return new ConnectorPage(fresh.Select(p => ToItem(p.Uri, p.Author, p.Record)).OfType<ContentItem>().ToList(), null);
            if (state.FeedSince is null || fresh.Count < entries.Count || string.IsNullOrEmpty(feed.Cursor))
            {
                break;
            }

            feedCut |= page == platform.Options.MaxPagesPerPoll;
            next = feed.Cursor;
        }

        state.Threads = roots.Values.Where(r => r.CreatedAt >= horizon).OrderByDescending(r => r.CreatedAt).ToList();
        foreach (var root in state.Threads)
        {
            var url = new Uri(service, $"xrpc/app.bsky.feed.getPostThread?uri={Uri.EscapeDataString(root.Uri)}&depth={ThreadDepth}&parentHeight=0");
            var thread = await GetAsync(client, channel.Id, service, actor, appPassword, url, BlueskyJsonContext.Default.BlueskyThreadResponseDto, "thread", 1, cancellationToken, nullWhenNotFound: true).ConfigureAwait(false);
            // A root deleted since it was listed answers NotFound: the brand's post is gone, and so is its thread.
            var gone = thread is null ? [new ItemStateChange(root.Uri, ItemState.Deleted, platform.Time.GetUtcNow())] : Tombstones(thread.Thread, platform.Time.GetUtcNow()).ToList();
            yield return new ConnectorPage(Flatten(thread?.Thread).ToList(), null)
            {
                StateChanges = gone,
                Reread = thread?.Thread is { } whole && IsWholeThread(whole, ThreadDepth) ? new ThreadReread(root.Uri, root.CreatedAt, Uris(whole).ToHashSet(StringComparer.Ordinal), platform.Time.GetUtcNow()) : null,
            };
        }

        // Everything before this point is stored: now the high-water mark may move.
        state.FeedSince = feedCut ? state.FeedSince : feedSince;
        yield return new ConnectorPage([], Serialize(state));

        if (string.IsNullOrEmpty(appPassword))
        {
            // Notifications need the account's session; without an app password only the brand's own posts are read.
            yield break;
        }

        if (await HiddenReasonsAsync(client, channel.Id, service, actor, appPassword, cancellationToken).ConfigureAwait(false) is { Count: > 0 } hidden)
        {
            yield return new ConnectorPage([], null)
            {
                Notices = [$"the account's Bluesky notification preferences list {string.Join(", ", hidden)} only from accounts it follows (or not at all): replies and mentions by anyone else never reach the monitor; set them to everyone (Settings → Notifications)"],
            };
        }

        // reasons= asks the server for answerable notifications only (listNotifications' reasons parameter), so likes
        // and follows do not fill the pages; the filter below stays for servers that ignore it.
        var notificationsSince = state.NotificationsSince;
        var notificationsCut = false;
        next = null;
        for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var url = new Uri(service, $"xrpc/app.bsky.notification.listNotifications?limit={PageSize}{Reasons}" + (next is null ? "" : "&cursor=" + Uri.EscapeDataString(next)));
            var list = await GetAsync(client, channel.Id, service, actor, appPassword, url, BlueskyJsonContext.Default.BlueskyNotificationsDto, "notifications", page, cancellationToken).ConfigureAwait(false);
            var all = list.Notifications ?? [];
            var fresh = all.Where(n => state.NotificationsSince is null || n.IndexedAt >= state.NotificationsSince).ToList();
            notificationsSince = fresh.Aggregate(notificationsSince, (max, n) => n.IndexedAt > max || max is null ? n.IndexedAt : max);
            var items = fresh.Where(n => AnswerableReasons.Contains(n.Reason)).Select(n => ToItem(n.Uri, n.Author, n.Record)).OfType<ContentItem>().ToList();
            yield return new ConnectorPage(items, null);
            if (state.NotificationsSince is null || fresh.Count < all.Count || string.IsNullOrEmpty(list.Cursor))
            {
                break;
            }

            notificationsCut |= page == platform.Options.MaxPagesPerPoll;
            next = list.Cursor;
        }

        state.NotificationsSince = notificationsCut ? state.NotificationsSince : notificationsSince;
        yield return new ConnectorPage([], Serialize(state));
    }

    /// <summary>
    /// The answerable reasons (reply, mention, quote) the account's notification preferences hide from its list:
    /// <c>include: follows</c> lists only accounts it follows, <c>list: false</c> none
    /// (app.bsky.notification.getPreferences). Read once a day per channel; a server without the method hides nothing.
    /// </summary>
    private async Task<List<string>> HiddenReasonsAsync(HttpClient client, string channelId, Uri service, string actor, string appPassword, CancellationToken cancellationToken)
    {
        var now = platform.Time.GetUtcNow();
        if (_preferencesReadAt.TryGetValue(channelId, out var read) && now - read < TimeSpan.FromDays(1))
        {
            return [];
        }

        _preferencesReadAt[channelId] = now;
        var url = new Uri(service, "xrpc/app.bsky.notification.getPreferences");
        BlueskyPreferencesDto answer;
        try
        {
            answer = await GetAsync(client, channelId, service, actor, appPassword, url, BlueskyJsonContext.Default.BlueskyPreferencesDto, "notification preferences", 1, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or CredentialRejectedException)
        {
            // An app password may not be allowed to read preferences: advice only, the notifications are still read.
            return [];
        }

        return AnswerableReasons
            .Where(r => answer.Preferences?.GetValueOrDefault(r) is { } p && (p.List == false || string.Equals(p.Include, "follows", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Maps a post; null when the shape lacks what a message needs.</summary>
    public static ContentItem? ToItem(string? uri, BlueskyAuthorDto? author, BlueskyRecordDto? record)
    {
        if (uri is null || author?.Did is null || record?.CreatedAt is null)
        {
            return null;
        }

        var parent = record.Reply?.Parent?.Uri;
        return new ContentItem
        {
            Id = uri,
            ParentId = parent,
            Kind = parent is null ? ItemKind.Post : ItemKind.Comment,
            AuthorId = author.Did,
            AuthorName = string.IsNullOrWhiteSpace(author.DisplayName) ? author.Handle : author.DisplayName,
            CreatedAt = record.CreatedAt.Value.ToUniversalTime(),
            Text = record.Text ?? "",
            Url = WebUrl(uri, author.Handle),
        };
    }

    /// <summary>How deep a thread is read (getPostThread's <c>depth</c>, default 6, at most 1000: lexicons/app/bsky/feed/getPostThread.json).</summary>
    internal const int ThreadDepth = 20;

    /// <summary>
    /// Whether a thread answer holds every reply: not when a reply sits at the depth asked for (its own replies are
    /// left out), nor when a blocked post hides what is under it.
    /// </summary>
    internal static bool IsWholeThread(BlueskyThreadDto root, int depth)
    {
        bool Whole(BlueskyThreadDto node, int level) =>
            node.Blocked != true && node.Type != "app.bsky.feed.defs#blockedPost" && (node.Replies is not { Count: > 0 } replies || (level < depth && replies.All(r => Whole(r, level + 1))));
        return root.Post is not null && (root.Replies ?? []).All(r => Whole(r, 1)) && MaxLevel(root, 0) < depth;
    }

    private static int MaxLevel(BlueskyThreadDto node, int level) => (node.Replies ?? []).Select(r => MaxLevel(r, level + 1)).Append(level).Max();

    /// <summary>Every uri of a thread below its root: posts, tombstones and blocked posts alike.</summary>
    private static IEnumerable<string> Uris(BlueskyThreadDto node) =>
        (node.Replies ?? []).SelectMany(r => (r.Post?.Uri ?? r.Uri) is { } uri ? Uris(r).Prepend(uri) : Uris(r));

    /// <summary>Every readable post of a thread, replies at any depth; not-found and blocked posts are skipped.</summary>
    public static IEnumerable<ContentItem> Flatten(BlueskyThreadDto? node)
    {
        if (node is null)
        {
            yield break;
        }

        if (node.Post is { } post && ToItem(post.Uri, post.Author, post.Record) is { } item)
        {
            yield return item;
        }

        foreach (var reply in node.Replies ?? [])
        {
            foreach (var child in Flatten(reply))
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// The deleted posts of a thread: a reply deleted since it was read stays in the thread as an
    /// <c>app.bsky.feed.defs#notFoundPost</c> with its <c>uri</c> and <c>notFound: true</c>
    /// (lexicons/app/bsky/feed/defs.json; the appview's "handles deleted posts correctly" snapshot).
    /// </summary>
    public static IEnumerable<ItemStateChange> Tombstones(BlueskyThreadDto? node, DateTimeOffset now)
    {
        if (node is null)
        {
            yield break;
        }

        if (node.Post is null && node.NotFound == true && node.Uri is { } uri)
        {
            yield return new ItemStateChange(uri, ItemState.Deleted, now);
        }

        foreach (var child in (node.Replies ?? []).SelectMany(r => Tombstones(r, now)))
        {
            yield return child;
        }
    }

    /// <summary>at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/handle/post/rkey.</summary>
    public static string? WebUrl(string uri, string? handle)
    {
        var parts = uri.Split('/');
        return parts.Length == 5 && parts[3] == "app.bsky.feed.post" ? $"https://bsky.app/profile/{handle ?? parts[2]}/post/{parts[4]}" : null;
    }

    private async Task<T> GetAsync<T>(HttpClient client, string channelId, Uri service, string actor, string? appPassword, Uri url, JsonTypeInfo<T> type, string what, int page, CancellationToken cancellationToken)
        where T : class, new() =>
        await GetAsync(client, channelId, service, actor, appPassword, url, type, what, page, cancellationToken, nullWhenNotFound: false).ConfigureAwait(false) ?? new T();

    /// <returns>The answer; with <paramref name="nullWhenNotFound"/>, null when the platform said NotFound (a deleted post).</returns>
    private async Task<T?> GetAsync<T>(HttpClient client, string channelId, Uri service, string actor, string? appPassword, Uri url, JsonTypeInfo<T> type, string what, int page, CancellationToken cancellationToken, bool nullWhenNotFound)
        where T : class, new()
    {
        var signedIn = !string.IsNullOrEmpty(appPassword);
        var request = new PlatformRequest(client, channelId, url, $"{what} page {page}")
        {
            Authorise = async (message, ct) =>
            {
                if (signedIn)
                {
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await SessionAsync(client, channelId, service, actor, appPassword!, ct).ConfigureAwait(false));
                }
            },

            // An expired access token answers 400 ExpiredToken (or 401): refresh the session once and ask again.
            Renew = signedIn
                ? async ct =>
                {
                    await RefreshAsync(client, channelId, service, ct).ConfigureAwait(false);
                    return true;
                }
                : null,

            // A post deleted since the feed listed it has no thread left to read; a server without notification
            // preferences has nothing to say about them.
            NotFoundIsEmpty = what is "thread" or "notification preferences",
        };
        var answer = await _http.GetJsonAsync(request, type, cancellationToken).ConfigureAwait(false);
        return answer ?? (nullWhenNotFound ? null : new T());
    }

    /// <summary>
    /// The channel's access token: from the session held, else a new session from the app password. A session is
    /// created only when there is none or its refresh failed: createSession is limited to 30 per 5 minutes and 300 a
    /// day per account (https://docs.bsky.app/docs/advanced-guides/rate-limits). A refused app password answers 401
    /// AuthenticationRequired, which nothing here can renew: the channel's credentials are rejected.
    /// </summary>
    private async Task<string> SessionAsync(HttpClient client, string channelId, Uri service, string actor, string appPassword, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(channelId, out var held) && held.AccessJwt is { } jwt)
        {
            return jwt;
        }

        var request = new PlatformRequest(client, channelId, new Uri(service, "xrpc/com.atproto.server.createSession"), "a new session (createSession: 30 per 5 minutes, 300 a day)")
        {
            Method = HttpMethod.Post,
            Content = () => JsonContent.Create(new BlueskySessionDto { Identifier = actor, Password = appPassword }, BlueskyJsonContext.Default.BlueskySessionDto),
        };
        var session = await _http.GetJsonAsync(request, BlueskyJsonContext.Default.BlueskySessionDto, cancellationToken).ConfigureAwait(false);
        jwt = session?.AccessJwt ?? throw new ConnectorException("Bluesky's session answer has no accessJwt.");
        _sessions[channelId] = session;
        platform.Credentials.Report(channelId, Lifetime(session, platform.Time.GetUtcNow()));
        return jwt;
    }

    /// <summary>
    /// com.atproto.server.refreshSession with the refresh token as the bearer
    /// (https://docs.bsky.app/docs/api/com-atproto-server-refresh-session). When it fails (ExpiredToken, InvalidToken)
    /// the session is dropped and the next call creates one from the app password; a rate limit still pauses.
    /// </summary>
    private async Task RefreshAsync(HttpClient client, string channelId, Uri service, CancellationToken cancellationToken)
    {
        if (!_sessions.TryRemove(channelId, out var held) || held.RefreshJwt is not { Length: > 0 } refresh)
        {
            return;
        }

        var request = new PlatformRequest(client, channelId, new Uri(service, "xrpc/com.atproto.server.refreshSession"), "a refreshed session")
        {
            Method = HttpMethod.Post,
            Authorise = (message, _) =>
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refresh);
                return ValueTask.CompletedTask;
            },
        };
        try
        {
            if (await _http.GetJsonAsync(request, BlueskyJsonContext.Default.BlueskySessionDto, cancellationToken).ConfigureAwait(false) is { AccessJwt: not null } renewed)
            {
                _sessions[channelId] = renewed;
                platform.Credentials.Report(channelId, Lifetime(renewed, platform.Time.GetUtcNow()));
            }
        }
        catch (Exception ex) when (ex is CredentialRejectedException or ConnectorException)
        {
            // The refresh token ended too: the next call signs in again with the app password.
        }
    }

    /// <summary>
    /// What the session says of its own end: the refresh token's <c>exp</c> claim (a JWT). The app password behind it
    /// does not expire, and the connector signs in again on its own, so this is a lifetime the monitor renews itself.
    /// </summary>
    private static CredentialLifetime Lifetime(BlueskySessionDto session, DateTimeOffset now) =>
        new(now, JwtExpiry.Of(session.RefreshJwt), RenewedByMonitor: true, "Bluesky session (refresh token); the app password renews it");

    private static BlueskyCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, BlueskyJsonContext.Default.BlueskyCursor, "Bluesky");

    private static string Serialize(BlueskyCursor cursor) => JsonSerializer.Serialize(cursor, BlueskyJsonContext.Default.BlueskyCursor);
}
