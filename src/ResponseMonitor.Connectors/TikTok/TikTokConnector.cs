using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// Reads a TikTok business account (docs/CHANNELS.md) with the TikTok API for Business v1.3: its videos from
/// <c>business/video/list/</c>, newest first, back to the look-back; then, for every video inside it, all its comments,
/// public and hidden (<c>business/comment/list/?status=ALL&amp;include_replies=true</c>), and the replies a comment
/// holds beyond those embedded (<c>business/comment/reply/list/</c>). TikTok has no "since": each poll re-reads the
/// videos of the look-back whole, and storage keeps only what changed. The account's own comments (<c>owner</c>) are
/// the brand's. A comment's <c>status</c> is its state: HIDDEN is hidden, PUBLIC visible; a comment of an earlier
/// complete read missing from a complete read is deleted. The cursor, the watched videos with what their last complete
/// read held, is written after every page before it.
/// </summary>
internal sealed class TikTokConnector : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string BusinessIdSetting = "businessId";
    public const string AppIdSetting = "appId";
    public const string VideoLookbackSetting = "videoLookback";

    private const string VideoFields = "[\"item_id\",\"create_time\",\"caption\",\"share_url\",\"comments\"]";

    private readonly PlatformServices _platform;
    private readonly PlatformHttp _http;
    private readonly TikTokTokens _tokens;

    public TikTokConnector(PlatformServices platform, RotatedSecrets rotatedSecrets)
    {
        _platform = platform;
        _http = platform.CreateHttp(new TikTokErrors());
        _tokens = new TikTokTokens(platform, _http, rotatedSecrets);
    }

    public string Kind => TikTokPlatform.KindName;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = ChannelSettings.Read(channel, TikTokSettings.Read);
        var state = ConnectorCursor.Parse(cursor, TikTokJsonContext.Default.TikTokCursor, "TikTok");
        var client = _platform.CreateClient();
        var now = _platform.Time.GetUtcNow();
        var horizon = (now - settings.VideoLookback).ToUnixTimeSeconds();
        var brand = Brand(channel, settings);
        var read = new Read(client, channel.Id, settings);
        var watched = state.Videos.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var links = new Dictionary<string, string?>(StringComparer.Ordinal);

        // The videos, newest first, back to the look-back.
        long? page = null;
        for (var number = 1; number <= _platform.Options.MaxPagesPerPoll; number++)
        {
            var url = $"v1.3/business/video/list/?business_id={Uri.EscapeDataString(settings.BusinessId)}&fields={Uri.EscapeDataString(VideoFields)}&max_count=20" + (page is { } c ? $"&cursor={c}" : "");
            var videos = await GetAsync(read, url, TikTokJsonContext.Default.TikTokAnswerDtoTikTokVideoPageDto, $"videos page {number}", notFoundIsEmpty: false, cancellationToken).ConfigureAwait(false);
            var recent = (videos?.Videos ?? []).Where(v => v.ItemId is { Length: > 0 } && v.CreateTime >= horizon).ToList();
            foreach (var video in recent)
            {
                links[video.ItemId!] = video.ShareUrl;
                if (!watched.ContainsKey(video.ItemId!))
                {
                    watched[video.ItemId!] = new TikTokWatchedVideo { Id = video.ItemId!, Created = video.CreateTime!.Value };
                }
            }

            yield return new ConnectorPage([.. recent.Select(v => AsPost(v, brand))], null);

            // The order of business/video/list/ is not documented (newest first as seen): the walk stops at a page with
            // no video inside the look-back, not at the first older one, so a video listed out of order is still read.
            if (videos is not { HasMore: true, Cursor: not null } || recent.Count == 0)
            {
                break;
            }

            page = videos.Cursor;
        }

        // Every video inside the look-back, this poll's and earlier ones', its comments read whole.
        var kept = new List<TikTokWatchedVideo>();
        foreach (var video in watched.Values.Where(v => v.Created >= horizon).OrderByDescending(v => v.Created))
        {
            var (comments, complete, gone) = await CommentsAsync(read, video.Id, cancellationToken).ConfigureAwait(false);
            if (gone)
            {
                // 40007: the video no longer exists; its comments stay as they were stored.
                yield return new ConnectorPage([], null) { StateChanges = [new ItemStateChange(video.Id, ItemState.Deleted, now)] };
                continue;
            }

            var link = links.GetValueOrDefault(video.Id);
            var items = comments.Select(c => AsComment(c.Comment, c.Parent, brand, link)).OfType<ContentItem>().ToList();
            var changes = Changes(video, items, now);
            video.Hidden = [.. items.Where(i => i.State == ItemState.Hidden).Select(i => i.Id)];
            kept.Add(video);
            var present = comments.Select(c => c.Comment.CommentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            yield return new ConnectorPage(items, null)
            {
                StateChanges = changes,
                Reread = complete ? new ThreadReread(video.Id, DateTimeOffset.FromUnixTimeSeconds(video.Created), present, now) : null,
            };
        }

        state.Videos = kept;
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, TikTokJsonContext.Default.TikTokCursor));
    }

    /// <summary>The brand's author id: the account's own id when listed among the brand's, else the first listed, else the account's.</summary>
    private static string Brand(ChannelDefinition channel, TikTokSettings settings) =>
        channel.BrandAuthorIds.Contains(settings.BusinessId) || channel.BrandAuthorIds.Count == 0
            ? settings.BusinessId
            : channel.BrandAuthorIds.Order(StringComparer.Ordinal).First();

    private static ContentItem AsPost(TikTokVideoDto video, string brand) => new()
    {
        Id = video.ItemId!,
        Kind = ItemKind.Post,
        AuthorId = brand,
        CreatedAt = DateTimeOffset.FromUnixTimeSeconds(video.CreateTime!.Value),
        Text = video.Caption ?? "",
        Url = video.ShareUrl,
    };

    /// <summary>A comment or reply; the account's own (<c>owner</c>) is the brand's. TikTok links no single comment: the video's link is kept.</summary>
    internal static ContentItem? AsComment(TikTokCommentDto comment, string parent, string brand, string? link)
    {
        if (comment.CommentId is not { Length: > 0 } id || comment.CreateTime is not { } created)
        {
            return null;
        }

        return new ContentItem
        {
            Id = id,
            ParentId = parent,
            Kind = ItemKind.Comment,
            AuthorId = comment.Owner ? brand : comment.UniqueIdentifier ?? comment.UserId ?? comment.Username ?? "unknown",
            AuthorName = comment.DisplayName ?? comment.Username,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created),
            Text = comment.Text ?? "",
            Url = link,
            State = string.Equals(comment.Status, "HIDDEN", StringComparison.OrdinalIgnoreCase) ? ItemState.Hidden : ItemState.Visible,
        };
    }

    /// <summary>What the read says of stored comments: each hidden one hidden (a no-op when already so), each hidden before and public now visible.</summary>
    private static List<ItemStateChange> Changes(TikTokWatchedVideo video, List<ContentItem> items, DateTimeOffset now)
    {
        var seen = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var changes = items.Where(i => i.State == ItemState.Hidden).Select(i => new ItemStateChange(i.Id, ItemState.Hidden, now)).ToList();
        changes.AddRange(video.Hidden.Where(id => seen.TryGetValue(id, out var item) && item.State == ItemState.Visible).Select(id => new ItemStateChange(id, ItemState.Visible, now)));
        return changes;
    }

    /// <returns>Each comment with its parent; false when a page limit cut the read; true when the video is gone.</returns>
    private async Task<(List<(TikTokCommentDto Comment, string Parent)> Comments, bool Complete, bool Gone)> CommentsAsync(Read read, string videoId, CancellationToken cancellationToken)
    {
        var found = new List<(TikTokCommentDto, string)>();
        var complete = true;
        long? page = null;
        for (var number = 1; ; number++)
        {
            if (number > _platform.Options.MaxPagesPerPoll)
            {
                return (found, false, false);
            }

            var url = $"v1.3/business/comment/list/?business_id={Uri.EscapeDataString(read.Settings.BusinessId)}&video_id={Uri.EscapeDataString(videoId)}&status=ALL&include_replies=true&sort_field=create_time&sort_order=desc&max_count=30" + (page is { } c ? $"&cursor={c}" : "");
            var comments = await GetAsync(read, url, TikTokJsonContext.Default.TikTokAnswerDtoTikTokCommentPageDto, $"comments of video {videoId} page {number}", notFoundIsEmpty: true, cancellationToken).ConfigureAwait(false);
            if (comments is null)
            {
                return (found, false, number == 1);
            }

            foreach (var comment in comments.Comments ?? [])
            {
                found.Add((comment, videoId));
                var embedded = comment.ReplyList ?? [];
                if (comment.CommentId is { Length: > 0 } id && comment.Replies > embedded.Count)
                {
                    var (replies, whole) = await RepliesAsync(read, videoId, id, cancellationToken).ConfigureAwait(false);
                    complete &= whole;
                    embedded = replies;
                }

                found.AddRange(embedded.Select(r => (r, Parent(r, comment.CommentId ?? videoId, videoId))));
            }

            if (comments is not { HasMore: true, Cursor: not null })
            {
                return (found, complete && !(comments.HasMore && comments.Cursor is null), false);
            }

            page = comments.Cursor;
        }
    }

    /// <summary>A reply's parent: the comment it names when it names one, else the top-level comment it was listed under.</summary>
    private static string Parent(TikTokCommentDto reply, string top, string videoId) =>
        reply.ParentCommentId is { Length: > 0 } parent && parent != videoId && parent != reply.CommentId ? parent : top;

    private async Task<(List<TikTokCommentDto> Replies, bool Complete)> RepliesAsync(Read read, string videoId, string commentId, CancellationToken cancellationToken)
    {
        var replies = new List<TikTokCommentDto>();
        long? page = null;
        for (var number = 1; number <= _platform.Options.MaxPagesPerPoll; number++)
        {
            var url = $"v1.3/business/comment/reply/list/?business_id={Uri.EscapeDataString(read.Settings.BusinessId)}&video_id={Uri.EscapeDataString(videoId)}&comment_id={Uri.EscapeDataString(commentId)}&status=ALL&sort_field=create_time&sort_order=desc&max_count=30" + (page is { } c ? $"&cursor={c}" : "");
            var list = await GetAsync(read, url, TikTokJsonContext.Default.TikTokAnswerDtoTikTokCommentPageDto, $"replies to comment {commentId} page {number}", notFoundIsEmpty: true, cancellationToken).ConfigureAwait(false);
            replies.AddRange(list?.Comments ?? []);
            if (list is not { HasMore: true, Cursor: not null })
            {
                return (replies, list is not null);
            }

            page = list.Cursor;
        }

        return (replies, false);
    }

    private async Task<T?> GetAsync<T>(Read read, string path, JsonTypeInfo<TikTokAnswerDto<T>> type, string what, bool notFoundIsEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var request = new PlatformRequest(read.Client, read.ChannelId, new Uri(read.Settings.Api, path), what)
        {
            // The token travels in the Access-Token header, without "Bearer" (python-tiktok business_account_api.py).
            Authorise = async (message, ct) => message.Headers.TryAddWithoutValidation("Access-Token", await _tokens.AccessTokenAsync(read.Client, read.ChannelId, read.Settings, ct).ConfigureAwait(false)),
            Renew = _ => _tokens.RenewAsync(read.ChannelId, read.Settings),
            NotFoundIsEmpty = notFoundIsEmpty,
        };
        var answer = await _http.GetJsonAsync(request, type, cancellationToken).ConfigureAwait(false);
        return answer?.Data;
    }

    private sealed record Read(HttpClient Client, string ChannelId, TikTokSettings Settings);
}
