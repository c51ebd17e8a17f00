using System.Runtime.CompilerServices;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Meta;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// Reads a brand's Threads profile (docs/CHANNELS.md, "Threads"): its posts within the look-back
/// (<c>/{threads-user-id}/threads</c>) and, for each, every reply at every depth (<c>/{media-id}/conversation</c>,
/// "a paginated and flattened list of all top-level and nested replies",
/// https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/replies-and-conversations).
/// Each watched post's conversation is walked whole every poll, since a hide (<c>hide_status</c>) or a deletion can
/// touch any old reply; storage keeps what comes again unchanged from being written. The brand's replies are
/// <c>is_reply_owned_by_me</c> or carry its username. Graph's errors, usage headers and debug_token are Meta's
/// (<see cref="GraphErrors"/>, <see cref="MetaTokenCheck"/>), on the Threads host.
/// </summary>
internal sealed class ThreadsConnector : IChannelConnector
{
    private const string ReplyFields = "id,text,username,timestamp,permalink,is_reply,replied_to,root_post,hide_status,is_reply_owned_by_me";

    private readonly PlatformServices _platform;
    private readonly PlatformHttp _http;
    private readonly MetaTokenCheck _tokenCheck;
    private readonly ThreadsTokens _tokens;

    public ThreadsConnector(PlatformServices platform, RotatedSecrets rotated)
    {
        _platform = platform;
        _http = platform.CreateHttp(new GraphErrors());
        _tokenCheck = new MetaTokenCheck(platform.Credentials, platform.Time);
        _tokens = new ThreadsTokens(platform, _http, rotated);
    }

    public string Kind => ThreadsPlatform.KindName;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = ChannelSettings.Read(channel, ThreadsSettings.Read);
        var configured = _platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs a Threads long-lived user token (AccessToken) with threads_basic and threads_read_replies.");

        // What debug_token says of the token decides the refresh; once refreshed, the refresh's own answer does.
        var end = _tokens.RefreshedUntil(channel.Id);
        if (end is null)
        {
            var checkGraph = new GraphApi(_platform.CreateClient(), _http, settings.Api, channel.Id, configured);
            end = (await _tokenCheck.CheckAsync(checkGraph, channel.Id, configured, cancellationToken).ConfigureAwait(false))?.ExpiresAt;
        }

        var notice = await _tokens.RefreshIfDueAsync(channel.Id, configured, settings.Api, end, settings.RefreshWithin, cancellationToken).ConfigureAwait(false);
        var graph = new GraphApi(_platform.CreateClient(), _http, settings.Api, channel.Id, _tokens.Current(channel.Id, configured));
        var state = MetaSettings.Parse(cursor);
        var now = _platform.Time.GetUtcNow();
        var horizon = now - settings.Lookback;
        var brand = Brand(channel, settings);
        DateTimeOffset? newest = state.Since is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

        // The brand's posts, newest first, down to the look-back.
        var posts = new List<ContentItem>();
        Uri? url = graph.Url($"{Uri.EscapeDataString(settings.UserId)}/threads?fields=id,text,username,timestamp,permalink,media_type&since={horizon.ToUnixTimeSeconds()}&limit=100");
        for (var page = 1; url is not null && page <= _platform.Options.MaxPagesPerPoll; page++)
        {
            var (data, next) = await PageAsync(graph, url, "posts", page, missingIsEmpty: false, cancellationToken).ConfigureAwait(false);
            foreach (var post in data)
            {
                brand.Learn(GraphApi.Text(post, "username"));
            }

            var items = data.Select(p => ToItem(p, brand, parentId: null)).OfType<ContentItem>().Where(p => p.CreatedAt >= horizon).ToList();
            posts.AddRange(items);
            newest = Newest(items, newest, now);
            yield return new ConnectorPage(items, null) { Notices = page == 1 && notice is not null ? [notice] : [] };
            url = items.Count < data.Count ? null : next;
        }

        foreach (var post in posts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var complete = false;
            url = graph.Url($"{Uri.EscapeDataString(post.Id)}/conversation?fields={ReplyFields}&reverse=false");
            for (var page = 1; url is not null && page <= _platform.Options.MaxPagesPerPoll; page++)
            {
                var (data, next) = await PageAsync(graph, url, "conversation", page, missingIsEmpty: true, cancellationToken).ConfigureAwait(false);
                var items = data.Select(r => ToItem(r, brand, post.Id)).OfType<ContentItem>().ToList();
                seen.UnionWith(data.Select(r => GraphApi.Text(r, "id")).OfType<string>());
                newest = Newest(items, newest, now);
                complete = next is null || data.Count == 0;
                url = complete ? null : next;

                // Threads sends no deletion of a member's reply: only a walk that reached the end may say one is gone.
                yield return new ConnectorPage(items, null) { Reread = complete ? new ThreadReread(post.Id, post.CreatedAt, seen, now) : null };
            }
        }

        yield return new ConnectorPage([], MetaSettings.Serialize(newest));
    }

    /// <summary>Who is the brand: stored under its first BrandAuthorIds entry (else the user id), known by its username.</summary>
    internal static InstagramBrand Brand(ChannelDefinition channel, ThreadsSettings settings) =>
        new(channel, channel.BrandAuthorIds.FirstOrDefault() ?? settings.UserId);

    /// <summary>
    /// A post or a reply. <c>hide_status</c> NOT_HUSHED and UNHUSHED are visible; HIDDEN, and any other value, are not
    /// (the reference names the field without listing its values:
    /// https://developers.facebook.com/documentation/threads/reference/reply-management). A reply's parent is the reply
    /// or post it answers (<c>replied_to</c>), else the post.
    /// </summary>
    internal static ContentItem? ToItem(JsonElement item, InstagramBrand brand, string? parentId)
    {
        var id = GraphApi.Text(item, "id");
        var created = GraphApi.Time(item, "timestamp");
        if (id is null || created is null)
        {
            return null;
        }

        var username = GraphApi.Text(item, "username");
        var own = parentId is null || (item.TryGetProperty("is_reply_owned_by_me", out var mine) && mine.ValueKind == JsonValueKind.True);
        var parent = parentId is null ? null : (GraphApi.Object(item, "replied_to") is { } to ? GraphApi.Text(to, "id") : null) ?? parentId;
        var hide = GraphApi.Text(item, "hide_status");
        return new ContentItem
        {
            Id = id,
            ParentId = parent,
            Kind = parentId is null ? ItemKind.Post : ItemKind.Comment,
            AuthorId = own ? brand.AccountId : brand.AuthorOf(null, username),
            AuthorName = username,
            CreatedAt = created.Value,
            Text = GraphApi.Text(item, "text") ?? "",
            Url = GraphApi.Text(item, "permalink"),
            State = hide is null or "NOT_HUSHED" or "UNHUSHED" ? ItemState.Visible : ItemState.Hidden,
        };
    }

    /// <summary>
    /// A page and the next one's URL: <c>paging.next</c> when Graph sends it, else the <c>paging.cursors.after</c>
    /// cursor on the same URL (the replies references document <c>before</c>/<c>after</c> cursors only).
    /// </summary>
    private static async Task<(List<JsonElement> Data, Uri? Next)> PageAsync(GraphApi graph, Uri url, string what, int page, bool missingIsEmpty, CancellationToken cancellationToken)
    {
        using var document = await graph.GetDocumentAsync(url, $"Threads {what} page {page}", cancellationToken).ConfigureAwait(false);
        if (document is null && !missingIsEmpty)
        {
            throw new ConnectorException($"Threads {what} page {page} is not found; check Settings:userId.");
        }

        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return ([], null);
        }

        var (data, next) = graph.Page(document.RootElement);
        if (next is null && data.Count > 0 && GraphApi.Object(document.RootElement, "paging") is { } paging && GraphApi.Object(paging, "cursors") is { } cursors && GraphApi.Text(cursors, "after") is { Length: > 0 } after)
        {
            var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("after=", StringComparison.Ordinal)).Append("after=" + Uri.EscapeDataString(after)));
            next = new UriBuilder(url) { Query = query }.Uri;
        }

        return (data, next);
    }

    private static DateTimeOffset? Newest(List<ContentItem> items, DateTimeOffset? newest, DateTimeOffset now) =>
        items.Select(i => (DateTimeOffset?)(i.CreatedAt > now ? now : i.CreatedAt)).Append(newest).Max();
}
