using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>
/// Reads the comments on a brand's YouTube channel (docs/CHANNELS.md) with the Data API v3:
/// <c>commentThreads?allThreadsRelatedToChannelId=…&amp;order=time</c>, newest first, plus <c>comments?parentId=…</c> when a
/// thread has more replies than it embeds. A top-level comment starts a conversation; replies join it; the brand's
/// replies (its channel id) answer it. Each poll walks back until threads started before the high-water mark minus
/// the reply look-back, so new replies on recent threads are seen; the mark moves only after the walk is stored.
/// The API key travels in the <c>X-goog-api-key</c> header, never in a URL that could be logged.
/// </summary>
internal sealed class YouTubeConnector(PlatformServices platform) : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string ChannelIdSetting = "channelId";
    public const string ReplyLookbackSetting = "replyLookback";
    private readonly PlatformHttp _http = platform.CreateHttp(new YouTubeErrors());

    public string Kind => ChannelKinds.YouTube;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (api, youtubeChannel, lookback) = ChannelSettings.Read(channel, YouTubeSettings.Read);
        var key = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs an API key (AccessToken) for the YouTube Data API.");
        var state = Parse(cursor);
        var client = platform.CreateClient();
        var horizon = state.Since - lookback;
        var newest = state.Since;

        // A walk cut at the page limit before the horizon leaves a gap under what it read: the mark stays.
        var truncated = false;
        string? pageToken = null;
        for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var url = new Uri(api, $"youtube/v3/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId={Uri.EscapeDataString(youtubeChannel)}&order=time&maxResults=100&textFormat=plainText" + Token(pageToken));
            var threads = await GetAsync(client, channel.Id, url, key, YouTubeJsonContext.Default.YouTubeListDtoYouTubeThreadDto, "comment threads", page, cancellationToken).ConfigureAwait(false);
            var items = new List<ContentItem>();
            var reachedHorizon = false;
            foreach (var thread in threads.Items ?? [])
            {
                if (ToItem(thread.Snippet?.TopLevelComment, null) is not { } top)
                {
                    continue;
                }

                if (horizon is not null && top.CreatedAt < horizon)
                {
                    reachedHorizon = true;
                    continue;
                }

                items.Add(top);
                var embedded = thread.Replies?.Comments ?? [];
                var replies = embedded;
                if (thread.Snippet!.TotalReplyCount > embedded.Count)
                {
                    (replies, var complete) = await RepliesAsync(client, channel.Id, api, key, top.Id, cancellationToken).ConfigureAwait(false);
                    truncated |= !complete;
                }

                items.AddRange(replies.Select(r => ToItem(r, top.Id)).OfType<ContentItem>());
            }

            newest = items.Select(i => (DateTimeOffset?)i.ChangedAt).Append(newest).Max();
            yield return new ConnectorPage(items, null);
            if (state.Since is null || reachedHorizon || string.IsNullOrEmpty(threads.NextPageToken))
            {
                break;
            }

            truncated |= page == platform.Options.MaxPagesPerPoll;
            pageToken = threads.NextPageToken;
        }

        state.Since = truncated ? state.Since : newest;
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, YouTubeJsonContext.Default.YouTubeCursor));
    }

    /// <summary>Maps a comment; a top-level one has no parent (it starts the conversation).</summary>
    public static ContentItem? ToItem(YouTubeCommentDto? comment, string? threadId)
    {
        var s = comment?.Snippet;
        if (comment?.Id is null || s?.AuthorChannelId?.Value is null || s.PublishedAt is null)
        {
            return null;
        }

        var parent = threadId is null ? null : s.ParentId ?? threadId;
        return new ContentItem
        {
            Id = comment.Id,
            ParentId = parent,
            Kind = ItemKind.Comment,
            AuthorId = s.AuthorChannelId.Value,
            AuthorName = s.AuthorDisplayName,
            CreatedAt = s.PublishedAt.Value.ToUniversalTime(),
            EditedAt = s.UpdatedAt > s.PublishedAt ? s.UpdatedAt.Value.ToUniversalTime() : null,
            Text = s.TextOriginal ?? s.TextDisplay ?? "",
            Url = s.VideoId is null ? null : $"https://www.youtube.com/watch?v={s.VideoId}&lc={comment.Id}",
        };
    }

    /// <returns>The thread's replies, and false when the page limit cut them.</returns>
    private async Task<(List<YouTubeCommentDto> Replies, bool Complete)> RepliesAsync(HttpClient client, string channelId, Uri api, string key, string parentId, CancellationToken cancellationToken)
    {
        var replies = new List<YouTubeCommentDto>();
        string? pageToken = null;
        for (var page = 1; page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var url = new Uri(api, $"youtube/v3/comments?part=snippet&parentId={Uri.EscapeDataString(parentId)}&maxResults=100&textFormat=plainText" + Token(pageToken));
            var list = await GetAsync(client, channelId, url, key, YouTubeJsonContext.Default.YouTubeListDtoYouTubeCommentDto, "replies", page, cancellationToken).ConfigureAwait(false);
            replies.AddRange(list.Items ?? []);
            if (string.IsNullOrEmpty(list.NextPageToken))
            {
                return (replies, true);
            }

            pageToken = list.NextPageToken;
        }

        return (replies, false);
    }

    private async Task<T> GetAsync<T>(HttpClient client, string channelId, Uri url, string key, JsonTypeInfo<T> type, string what, int page, CancellationToken cancellationToken)
        where T : new()
    {
        var request = new PlatformRequest(client, channelId, url, $"{what} page {page}")
        {
            Authorise = (message, _) =>
            {
                message.Headers.Add("X-goog-api-key", key);
                return ValueTask.CompletedTask;
            },

            // Replies of a thread deleted since it was listed: nothing to read.
            NotFoundIsEmpty = what == "replies",
        };
        return await _http.GetJsonAsync(request, type, cancellationToken).ConfigureAwait(false) ?? new T();
    }

    private static string Token(string? pageToken) => pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken);

    private static YouTubeCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, YouTubeJsonContext.Default.YouTubeCursor, "YouTube");
}
