using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.X;

/// <summary>
/// Reads a brand's X account with API v2 (docs/CHANNELS.md): the mentions timeline (replies and mentions by the
/// public), the brand's own timeline (its posts and every reply it makes, in any app), and, for the brand's new
/// original posts, their conversations by <c>search/recent?query=conversation_id:…</c>. Timelines go forward from
/// <c>since_id</c>, walking <c>next_token</c> pages down to it; the marks move only once the walk is stored. A 429
/// pauses the channel until <c>x-rate-limit-reset</c>.
/// </summary>
internal sealed class XConnector(PlatformServices platform) : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string UserIdSetting = "userId";
    public const string ConversationLookbackSetting = "conversationLookback";
    private const string Fields = "max_results=100&tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,edit_history_tweet_ids&expansions=author_id&user.fields=username,name";

    private readonly PlatformHttp _http = platform.CreateHttp(new XErrors());

    public string Kind => ChannelKinds.X;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (api, userId, lookback) = ChannelSettings.Read(channel, XSettings.Read);

        var token = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs a bearer token (AccessToken) for the X API.");
        var state = Parse(cursor);
        var client = platform.CreateClient();
        var conversations = state.Conversations.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var mentions = await WalkAsync(client, channel.Id, api, token, $"2/users/{Uri.EscapeDataString(userId)}/mentions", state.MentionsSince, "mentions", cancellationToken).ConfigureAwait(false);
        foreach (var page in mentions.Pages)
        {
            yield return new ConnectorPage(page, null);
        }

        var own = await WalkAsync(client, channel.Id, api, token, $"2/users/{Uri.EscapeDataString(userId)}/tweets", state.TweetsSince, "own posts", cancellationToken).ConfigureAwait(false);
        foreach (var page in own.Pages)
        {
            foreach (var post in page.Where(t => t.Kind == ItemKind.Post && t.AuthorId == userId))
            {
                conversations.TryAdd(post.Id, new XConversation { Id = post.Id, CreatedAt = post.CreatedAt });
            }

            yield return new ConnectorPage(page, null);
        }

        // Every brand post inside the look-back has its conversation searched again, from the newest reply read
        // (since_id), so later public replies among themselves are seen for days; recent search covers 7 days
        // (https://docs.x.com/x-api/posts/search/introduction). A quiet conversation is one request that reads nothing.
        var kept = conversations.Values.Where(c => c.CreatedAt >= platform.Time.GetUtcNow() - lookback).OrderByDescending(c => c.CreatedAt).ToList();
        foreach (var conversation in kept)
        {
            var search = await WalkAsync(client, channel.Id, api, token, "2/tweets/search/recent", conversation.Since, "conversation", cancellationToken, "query=" + Uri.EscapeDataString("conversation_id:" + conversation.Id)).ConfigureAwait(false);
            foreach (var page in search.Pages)
            {
                yield return new ConnectorPage(page, null);
            }

            conversation.Since = search.Newest ?? conversation.Since;
        }

        state.Conversations = kept;

        state.MentionsSince = mentions.Newest ?? state.MentionsSince;
        state.TweetsSince = own.Newest ?? state.TweetsSince;
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, XJsonContext.Default.XCursor));
    }

    public static List<ContentItem> ToItems(XPageDto page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var users = (page.Includes?.Users ?? []).Where(u => u.Id is not null).DistinctBy(u => u.Id).ToDictionary(u => u.Id!, StringComparer.Ordinal);
        var items = new List<ContentItem>();
        foreach (var tweet in page.Data ?? [])
        {
            // Items without id, author or time happen when fields were not requested: survive them.
            if (tweet.Id is null || tweet.AuthorId is null || tweet.CreatedAt is null || tweet.ReferencedTweets?.Any(r => r.Type == "retweeted") == true)
            {
                continue;
            }

            var parent = tweet.ReferencedTweets?.FirstOrDefault(r => r.Type == "replied_to")?.Id;
            var user = users.GetValueOrDefault(tweet.AuthorId);

            // An edit is a new post id whose edit_history_tweet_ids starts with the original's: it replaces the original
            // (stored under the original id, with the original's time from its Snowflake id), never a second comment.
            var original = tweet.EditHistoryTweetIds is [var first, _, ..] && first != tweet.Id ? first : null;
            var created = tweet.CreatedAt.Value.ToUniversalTime();
            items.Add(new ContentItem
            {
                Id = original ?? tweet.Id,
                CreatedAt = original is not null && SnowflakeTime(original) is { } at && at <= created ? at : created,
                EditedAt = original is null ? null : created,
                ParentId = parent,
                Kind = parent is null ? ItemKind.Post : ItemKind.Comment,
                AuthorId = tweet.AuthorId,
                AuthorName = user?.Name ?? user?.Username,
                Text = tweet.Text ?? "",
                Url = $"https://x.com/{user?.Username ?? "i/web"}/status/{tweet.Id}",
            });
        }

        return items;
    }

    /// <summary>
    /// When a post id was made: X ids are Snowflakes, milliseconds since 2010-11-04T01:42:54.657Z in their top 41 bits
    /// (https://docs.x.com/resources/fundamentals/x-ids). Null for anything that is not one.
    /// </summary>
    internal static DateTimeOffset? SnowflakeTime(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + 1_288_834_974_657)
            : null;

    private async Task<(List<List<ContentItem>> Pages, string? Newest)> WalkAsync(HttpClient client, string channelId, Uri api, string token, string path, string? sinceId, string what, CancellationToken cancellationToken, string? query = null)
    {
        var pages = new List<List<ContentItem>>();
        string? newest = null;
        string? next = null;
        for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var url = new Uri(api, $"{path}?{(query is null ? "" : query + "&")}{Fields}" + (sinceId is null ? "" : "&since_id=" + sinceId) + (next is null ? "" : "&pagination_token=" + Uri.EscapeDataString(next)));
            var body = await GetAsync(client, channelId, url, token, what, page, cancellationToken).ConfigureAwait(false);
            newest ??= body.Meta?.NewestId;
            pages.Add(ToItems(body));
            next = body.Meta?.NextToken;

            // Without since_id the first page is enough: history before the first poll is not backfilled.
            if (next is null || (sinceId is null && query is null))
            {
                return (pages, newest);
            }
        }

        // Cut at the page limit with older pages still unread down to since_id: meta.newest_id would pass over them,
        // so the mark stays and the next poll walks the gap again (ingestion is idempotent).
        return (pages, null);
    }

    private async Task<XPageDto> GetAsync(HttpClient client, string channelId, Uri url, string token, string what, int page, CancellationToken cancellationToken)
    {
        var request = new PlatformRequest(client, channelId, url, $"{what} page {page}")
        {
            Authorise = (message, _) =>
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return ValueTask.CompletedTask;
            },
        };
        return await _http.GetJsonAsync(request, XJsonContext.Default.XPageDto, cancellationToken).ConfigureAwait(false) ?? new XPageDto();
    }

    private static XCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, XJsonContext.Default.XCursor, "X");
}
