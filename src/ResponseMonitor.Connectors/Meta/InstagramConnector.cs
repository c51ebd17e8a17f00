using System.Runtime.CompilerServices;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Reads an Instagram professional account through the Graph API (docs/CHANNELS.md): its media published within the
/// look-back and, for each, the comments with their replies. The brand is the account id (from <c>from.id</c>) or its
/// username (from <c>username</c>), so both go in BrandAuthorIds.
/// </summary>
internal sealed class InstagramConnector(PlatformServices platform, InstagramUsernames usernames) : IChannelConnector
{
    private readonly PlatformHttp _http = platform.CreateHttp(new GraphErrors());
    private readonly MetaTokenCheck _tokenCheck = new(platform.Credentials, platform.Time);

    public const string AccountIdSetting = "accountId";

    public string Kind => ChannelKinds.Instagram;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (accountId, graphUrl, lookback) = ChannelSettings.Read(channel, InstagramSettings.Read);

        var token = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs an access token (AccessToken) with instagram_manage_comments.");
        var graph = new GraphApi(platform.CreateClient(), _http, graphUrl, channel.Id, token);
        await _tokenCheck.CheckAsync(graph, channel.Id, token, cancellationToken).ConfigureAwait(false);
        var state = MetaSettings.Parse(cursor);
        var since = state.Since is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
        var horizon = since - lookback;
        var newest = since;

        var brand = new InstagramBrand(channel, accountId);
        var media = new List<ContentItem>();
        Uri? url = graph.Url($"{Uri.EscapeDataString(accountId)}/media?fields=id,caption,timestamp,permalink,username&limit=50");
        for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var (data, next) = await graph.GetPageAsync(url, "media", page, missingIsEmpty: false, cancellationToken).ConfigureAwait(false);
            foreach (var m in data)
            {
                brand.Learn(GraphApi.Text(m, "username"));
                usernames.Learn(channel.Id, GraphApi.Text(m, "username"));
            }

            var items = data.Select(m => ToItem(m, brand, parentId: null, captionField: "caption")).OfType<ContentItem>().Where(m => horizon is null || m.CreatedAt >= horizon).ToList();
            media.AddRange(items);
            newest = items.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
            yield return new ConnectorPage(items, null);
            url = since is null || items.Count < data.Count ? null : next;
        }

        foreach (var post in media)
        {
            url = graph.Url($"{Uri.EscapeDataString(post.Id)}/comments?fields=id,text,timestamp,username,from,hidden,replies{{id,text,timestamp,username,from,hidden}}&limit=50");
            for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
            {
                var (data, next) = await graph.GetPageAsync(url, "comments", page, missingIsEmpty: true, cancellationToken).ConfigureAwait(false);
                var items = new List<ContentItem>();
                foreach (var comment in data)
                {
                    if (ToItem(comment, brand, post.Id, "text") is not { } top)
                    {
                        continue;
                    }

                    items.Add(top);
                    if (GraphApi.Object(comment, "replies") is not { } replies)
                    {
                        continue;
                    }

                    // A nested edge carries its own first page; the rest of a long thread is behind its paging.next.
                    var (replyData, replyNext) = graph.Page(replies);
                    items.AddRange(replyData.Select(r => ToItem(r, brand, top.Id, "text")).OfType<ContentItem>());
                    for (var replyPage = 2; replyNext is not null && replyPage <= platform.Options.MaxPagesPerPoll; replyPage++)
                    {
                        (replyData, replyNext) = await graph.GetPageAsync(replyNext, "replies", replyPage, missingIsEmpty: true, cancellationToken).ConfigureAwait(false);
                        items.AddRange(replyData.Select(r => ToItem(r, brand, top.Id, "text")).OfType<ContentItem>());
                    }
                }

                newest = items.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                yield return new ConnectorPage(items, null);
                url = next;
            }
        }

        yield return new ConnectorPage([], MetaSettings.Serialize(newest));
    }

    /// <summary>Maps media, a comment or a reply; null without an id or a time.</summary>
    internal static ContentItem? ToItem(JsonElement item, InstagramBrand brand, string? parentId, string captionField)
    {
        var id = GraphApi.Text(item, "id");
        var created = GraphApi.Time(item, "timestamp");
        if (id is null || created is null)
        {
            return null;
        }

        var from = GraphApi.Object(item, "from");
        var username = GraphApi.Text(item, "username") ?? (from is { } f ? GraphApi.Text(f, "username") : null);
        var author = parentId is null ? brand.AccountId : brand.AuthorOf(from is { } a ? GraphApi.Text(a, "id") : null, username);
        return new ContentItem
        {
            Id = id,
            ParentId = parentId,
            Kind = parentId is null ? ItemKind.Post : ItemKind.Comment,
            AuthorId = author,
            AuthorName = username,
            CreatedAt = created.Value,
            Text = GraphApi.Text(item, captionField) ?? "",
            Url = GraphApi.Text(item, "permalink"),

            // IG Comment's hidden: the account hid it (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment).
            State = item.TryGetProperty("hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True ? ItemState.Hidden : ItemState.Visible,
        };
    }
}
