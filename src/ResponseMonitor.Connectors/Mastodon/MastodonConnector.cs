using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>
/// Reads a brand's Mastodon account (docs/CHANNELS.md): its own statuses (posts and the replies it makes in any app)
/// from <c>GET /api/v1/accounts/:id/statuses</c>, and the public's replies and mentions from
/// <c>GET /api/v1/notifications?types[]=mention</c>. Both go forward from a <c>min_id</c> high-water mark, following
/// <c>Link: rel="prev"</c> (newer) on the same host only, so the token never leaves the instance. The first poll reads
/// the newest page of each and does not backfill history. Direct (private) messages and boosts are skipped. The
/// <c>context</c> of the brand's recent posts (within <c>contextLookback</c>, default 3 days) is read too, so that replies
/// among the public that no longer mention the brand are seen.
/// </summary>
internal sealed class MastodonConnector(PlatformServices platform) : IChannelConnector
{
    public const string InstanceUrlSetting = "instanceUrl";
    public const string AccountIdSetting = "accountId";
    public const string ContextLookbackSetting = "contextLookback";
    private const int PageSize = 40;

    private readonly PlatformHttp _http = platform.CreateHttp(new MastodonErrors());

    public string Kind => ChannelKinds.Mastodon;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (instance, accountId, lookback) = ChannelSettings.Read(channel, MastodonSettings.Read);

        var state = Parse(cursor);
        var token = platform.Secrets.GetAccessToken(channel.Id);
        var client = platform.CreateClient();

        var statusesUrl = new Uri(instance, $"api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={PageSize}" + Since(state.StatusesSince));
        await foreach (var (statuses, _) in PagesAsync(client, channel.Id, instance, statusesUrl, token, state.StatusesSince is null, MastodonJsonContext.Default.ListMastodonStatusDto, "statuses", cancellationToken).ConfigureAwait(false))
        {
            state.StatusesSince = statuses.Aggregate(state.StatusesSince, (max, s) => MastodonIds.Max(max, s.Id));
            yield return new ConnectorPage(statuses.Select(ToItem).OfType<ContentItem>().ToList(), Serialize(state));
        }

        // Conversations under the brand's recent posts, including replies that do not mention it.
        var recentUrl = new Uri(instance, $"api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={PageSize}&exclude_replies=true");
        await foreach (var (recent, _) in PagesAsync(client, channel.Id, instance, recentUrl, token, newestPageOnly: true, MastodonJsonContext.Default.ListMastodonStatusDto, "recent posts", cancellationToken).ConfigureAwait(false))
        {
            foreach (var post in recent.Where(s => s.Id is not null && s.InReplyToId is null && s.CreatedAt >= platform.Time.GetUtcNow() - lookback))
            {
                var contextUrl = new Uri(instance, $"api/v1/statuses/{Uri.EscapeDataString(post.Id!)}/context");
                await foreach (var (contexts, _) in PagesAsync(client, channel.Id, instance, contextUrl, token, newestPageOnly: true, MastodonJsonContext.Default.MastodonContextDto, "context", cancellationToken).ConfigureAwait(false))
                {
                    var all = contexts.SelectMany(c => c.Descendants ?? []).ToList();
                    var descendants = all.Select(ToItem).OfType<ContentItem>().ToList();
                    var complete = contexts.Count == 1 && IsWholeContext(post.Id!, all, authenticated: !string.IsNullOrEmpty(token));
                    yield return new ConnectorPage(descendants, null)
                    {
                        Reread = complete ? new ThreadReread(post.Id!, post.CreatedAt!.Value.ToUniversalTime(), all.Select(s => s.Id).OfType<string>().ToHashSet(StringComparer.Ordinal), platform.Time.GetUtcNow()) : null,
                    };
                }
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            // Notifications need the account's token (scope read:notifications); without it only the brand's own statuses are read.
            yield break;
        }

        // Mentions and quotes of the brand (the quote type since Mastodon 4.5). include_filtered: also what the brand
        // account's notification policy filters (new accounts, accounts it does not follow): a monitor must see the
        // critic who opened an account yesterday (https://docs.joinmastodon.org/methods/notifications/).
        var notificationsUrl = new Uri(instance, $"api/v1/notifications?types[]=mention&types[]=quote&include_filtered=true&limit={PageSize}" + Since(state.NotificationsSince));
        await foreach (var (notifications, _) in PagesAsync(client, channel.Id, instance, notificationsUrl, token, state.NotificationsSince is null, MastodonJsonContext.Default.ListMastodonNotificationDto, "notifications", cancellationToken).ConfigureAwait(false))
        {
            state.NotificationsSince = notifications.Aggregate(state.NotificationsSince, (max, n) => MastodonIds.Max(max, n.Id));
            // A quote notification carries the status that quotes the brand's (Notification.md, 4.5: "quote = Someone
            // has quoted one of your statuses"); it is a public message to the brand as much as a mention is.
            var items = notifications.Where(n => n.Type is "mention" or "quote").Select(n => ToItem(n.Status)).OfType<ContentItem>().ToList();
            yield return new ConnectorPage(items, Serialize(state));
        }
    }

    /// <summary>
    /// Whether a context answer holds every descendant: Mastodon caps it at 4,096 for an authenticated caller, and at
    /// 60 descendants 20 levels deep for an anonymous one (mastodon/mastodon app/controllers/api/v1/statuses_controller.rb:
    /// CONTEXT_LIMIT, DESCENDANTS_LIMIT, DESCENDANTS_DEPTH_LIMIT). An answer at a cap may have been cut.
    /// </summary>
    internal static bool IsWholeContext(string rootId, IReadOnlyList<MastodonStatusDto> descendants, bool authenticated)
    {
        if (descendants.Count >= (authenticated ? 4_096 : 60))
        {
            return false;
        }

        if (authenticated)
        {
            return true;
        }

        var parents = descendants.Where(s => s.Id is not null).ToDictionary(s => s.Id!, s => s.InReplyToId, StringComparer.Ordinal);
        foreach (var status in descendants)
        {
            var depth = 1;
            for (var parent = status.InReplyToId; parent is not null && parent != rootId && depth < 20; depth++)
            {
                parent = parents.GetValueOrDefault(parent);
            }

            if (depth >= 20)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Maps a status; null for what is not a public message (direct, private, boosts, malformed).</summary>
    public static ContentItem? ToItem(MastodonStatusDto? status)
    {
        if (status?.Id is null || status.Account?.Id is null || status.CreatedAt is null || status.Reblog is not null
            || status.Visibility is not ("public" or "unlisted"))
        {
            return null;
        }

        var text = MastodonText.FromHtml(status.Content);
        if (!string.IsNullOrWhiteSpace(status.SpoilerText))
        {
            text = status.SpoilerText.Trim() + "\n" + text;
        }

        return new ContentItem
        {
            Id = status.Id,
            ParentId = status.InReplyToId,
            Kind = status.InReplyToId is null ? ItemKind.Post : ItemKind.Comment,
            AuthorId = status.Account.Id,
            AuthorName = string.IsNullOrWhiteSpace(status.Account.DisplayName) ? status.Account.Acct : status.Account.DisplayName,
            CreatedAt = status.CreatedAt.Value.ToUniversalTime(),
            EditedAt = status.EditedAt?.ToUniversalTime(),
            Text = text,
            Url = status.Url,
        };
    }

    private IAsyncEnumerable<(List<MastodonContextDto> Page, Uri? Next)> PagesAsync(
        HttpClient client, string channelId, Uri instance, Uri first, string? token, bool newestPageOnly, JsonTypeInfo<MastodonContextDto> type, string what, CancellationToken cancellationToken) =>
        PagesAsync<MastodonContextDto, MastodonContextDto>(client, channelId, instance, first, token, newestPageOnly, type, body => [body], what, cancellationToken);

    private IAsyncEnumerable<(List<T> Page, Uri? Next)> PagesAsync<T>(
        HttpClient client, string channelId, Uri instance, Uri first, string? token, bool newestPageOnly, JsonTypeInfo<List<T>> type, string what, CancellationToken cancellationToken) =>
        PagesAsync<List<T>, T>(client, channelId, instance, first, token, newestPageOnly, type, body => body, what, cancellationToken);

    private async IAsyncEnumerable<(List<T> Page, Uri? Next)> PagesAsync<TBody, T>(
        HttpClient client, string channelId, Uri instance, Uri first, string? token, bool newestPageOnly, JsonTypeInfo<TBody> type, Func<TBody, List<T>> items, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? url = first;
        for (var page = 1; url is not null && page <= platform.Options.MaxPagesPerPoll; page++)
        {
            var request = new PlatformRequest(client, channelId, url, $"{what} page {page}")
            {
                Authorise = (message, _) =>
                {
                    message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (!string.IsNullOrEmpty(token))
                    {
                        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    return ValueTask.CompletedTask;
                },

                // A status deleted since it was listed has no context left to read.
                NotFoundIsEmpty = what == "context",
            };
            var answer = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                yield break;
            }

            List<T> results;
            try
            {
                results = JsonSerializer.Deserialize(answer.Body, type) is { } parsed ? items(parsed) : [];
            }
            catch (JsonException ex)
            {
                throw new ConnectorException($"Mastodon {what} page {page} is not the expected JSON: {ex.Message.Split('.')[0]}.", ex);
            }

            var newer = LinkHeader.Find(answer.Headers, "prev");
            yield return (results, newer);
            if (newestPageOnly || results.Count == 0)
            {
                yield break;
            }

            // Only follow links on the instance itself: the token must not travel elsewhere.
            url = newer is not null && Uri.Compare(newer, instance, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 ? newer : null;
        }
    }

    private static string Since(string? id) => id is null ? "" : "&min_id=" + Uri.EscapeDataString(id);

    private static MastodonCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, MastodonJsonContext.Default.MastodonCursor, "Mastodon");

    private static string Serialize(MastodonCursor cursor) => JsonSerializer.Serialize(cursor, MastodonJsonContext.Default.MastodonCursor);
}
