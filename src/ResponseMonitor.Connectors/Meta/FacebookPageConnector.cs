using System.Runtime.CompilerServices;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Reads a Facebook Page (docs/CHANNELS.md): the page feed (its posts and visitor posts) created within the look-back,
/// and every comment and reply under each with <c>comments?filter=stream</c>, which flattens threads and names each
/// reply's <c>parent</c>. Comments by the page id are the brand's, however they were written. Items without an id are
/// skipped; comments without <c>from</c> (people who did not grant the app access) are still public comments.
/// </summary>
internal sealed class FacebookPageConnector(PlatformServices platform) : IChannelConnector
{
    private readonly PlatformHttp _http = platform.CreateHttp(new GraphErrors());
    private readonly MetaTokenCheck _tokenCheck = new(platform.Credentials, platform.Time);

    public const string PageIdSetting = "pageId";
    public const string UnknownAuthor = "unknown";

    public string Kind => ChannelKinds.FacebookPage;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (pageId, graphUrl, lookback, includeAds, adsLookback) = ChannelSettings.Read(channel, FacebookPageSettings.Read);

        var token = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs a Page access token (AccessToken).");
        var graph = new GraphApi(platform.CreateClient(), _http, graphUrl, channel.Id, token);
        await _tokenCheck.CheckAsync(graph, channel.Id, token, cancellationToken).ConfigureAwait(false);
        var state = MetaSettings.Parse(cursor);
        var since = state.Since is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
        var horizon = since - lookback;
        var newest = since;

        var posts = new List<ContentItem>();
        Uri? url = graph.Url($"{Uri.EscapeDataString(pageId)}/feed?fields=id,message,created_time,from,permalink_url&limit=100" + (horizon is { } h ? "&since=" + h.ToUnixTimeSeconds() : ""));
        for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var (data, next) = await graph.GetPageAsync(url, "page feed", page, missingIsEmpty: false, cancellationToken).ConfigureAwait(false);
            var items = data.Select(p => ToItem(p, parentId: null)).OfType<ContentItem>().ToList();
            posts.AddRange(items);
            newest = items.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
            yield return new ConnectorPage(items, null);
            url = since is null ? null : next;
        }

        if (includeAds)
        {
            // Ad posts, those made only for ads ("dark" posts, include_inline_create) among them, are not in the feed:
            // GET /{page-id}/ads_posts (https://developers.facebook.com/docs/graph-api/reference/page/ads_posts/, which
            // needs ads_management and pages_manage_ads). An ad runs for weeks, so they are read over adsLookback.
            var adsSince = platform.Time.GetUtcNow() - adsLookback;
            url = graph.Url($"{Uri.EscapeDataString(pageId)}/ads_posts?include_inline_create=true&fields=id,message,created_time,from,permalink_url&since={adsSince.ToUnixTimeSeconds()}&limit=100");
            for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
            {
                var (data, next) = await graph.GetPageAsync(url, "ad posts", page, missingIsEmpty: false, cancellationToken).ConfigureAwait(false);
                var items = data.Select(p => ToItem(p, parentId: null)).OfType<ContentItem>().Where(p => posts.All(known => known.Id != p.Id)).ToList();
                posts.AddRange(items);
                newest = items.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                yield return new ConnectorPage(items, null);
                url = next;
            }
        }

        foreach (var post in posts)
        {
            // summary=true returns summary.order: the order Graph actually used. It may answer chronological whatever
            // was asked (as the comments edge recorded in sns-sdks/python-facebook does), so the order is checked.
            url = graph.Url($"{Uri.EscapeDataString(post.Id)}/comments?filter=stream&order=reverse_chronological&summary=true&fields=id,message,created_time,from,parent{{id}},permalink_url,is_hidden&limit=100");
            var present = new HashSet<string>(StringComparer.Ordinal);
            var complete = false;
            for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
            {
                var (data, next, order) = await graph.GetCommentPageAsync(url, page, cancellationToken).ConfigureAwait(false);
                var items = data.Select(c => ToItem(c, GraphApi.Object(c, "parent") is { } parent ? GraphApi.Text(parent, "id") : post.Id)).OfType<ContentItem>().ToList();
                newest = items.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                yield return new ConnectorPage(items, null);

                // Only a page Graph says is newest first, and that is, may end the walk once it reaches what the last
                // poll saw; in any other order the new comments may be on any later page.
                var newestFirst = order == "reverse_chronological" && items.Zip(items.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt);
                present.UnionWith(data.Select(c => GraphApi.Text(c, "id")).OfType<string>());
                complete = next is null;
                url = newestFirst && since is not null && items.Count > 0 && items.Min(i => i.CreatedAt) < since ? null : next;
            }

            // filter=stream lists every comment of the post at any depth, hidden ones included with the Page token
            // (https://developers.facebook.com/docs/graph-api/reference/object/comments/); a comment deleted by its
            // author or the Page is gone from the edge and leaves no tombstone. So a walk that reached the edge's last
            // page (not cut by the page limit, nor stopped at the last poll's mark) holds every comment still there.
            // Ad posts matter most: no webhook tells of their deleted comments.
            if (complete)
            {
                yield return new ConnectorPage([], null) { Reread = new ThreadReread(post.Id, post.CreatedAt, present, platform.Time.GetUtcNow()) };
            }
        }

        yield return new ConnectorPage([], MetaSettings.Serialize(newest));
    }

    /// <summary>Maps a Graph post or comment; null without an id or a time.</summary>
    public static ContentItem? ToItem(JsonElement item, string? parentId)
    {
        var id = GraphApi.Text(item, "id");
        var created = GraphApi.Time(item, "created_time");
        if (id is null || created is null)
        {
            return null;
        }

        var from = GraphApi.Object(item, "from");
        return new ContentItem
        {
            Id = id,
            ParentId = parentId,
            Kind = parentId is null ? ItemKind.Post : ItemKind.Comment,
            AuthorId = from is { } f ? GraphApi.Text(f, "id") ?? UnknownAuthor : UnknownAuthor,
            AuthorName = from is { } n ? GraphApi.Text(n, "name") : null,
            CreatedAt = created.Value,
            Text = GraphApi.Text(item, "message") ?? "",
            Url = GraphApi.Text(item, "permalink_url"),

            // A comment the page hid (Comment node, is_hidden; readable with the Page token) is no longer public.
            State = item.TryGetProperty("is_hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True ? ItemState.Hidden : ItemState.Visible,
        };
    }
}
