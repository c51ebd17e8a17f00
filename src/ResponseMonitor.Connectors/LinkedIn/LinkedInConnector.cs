using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// Reads a LinkedIn company page (docs/CHANNELS.md) with the Community Management API: the page's posts
/// (<c>GET rest/posts?q=author&amp;author={organization}</c>, newest first, back to the look-back), then for every post
/// inside it all its comments (<c>GET rest/socialActions/{post}/comments</c>) and the replies under each comment that
/// has some (<c>GET rest/socialActions/{comment}/comments</c>). Every call sends <c>LinkedIn-Version</c> (a setting)
/// and <c>X-Restli-Protocol-Version: 2.0.0</c>; URNs in paths are URL-encoded (Posts API,
/// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api). A comment whose
/// actor is the organization is the page's own answer. A post's comments read to the end are a
/// <see cref="ThreadReread"/>, so a stored comment missing from them is deleted; <c>lastModified</c> after <c>created</c> is an edit. The version's sunset, or the refresh
/// token's end when it comes first, is reported as the channel's credential end, so the dashboard warns before it.
/// </summary>
internal sealed class LinkedInConnector : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string AuthUrlSetting = "authUrl";
    public const string OrganizationSetting = "organizationId";
    public const string VersionSetting = "version";
    public const string ClientIdSetting = "clientId";
    public const string PostLookbackSetting = "postLookback";

    private const int PageSize = 50;

    /// <summary>Notice the version's sunset this long before it.</summary>
    private static readonly TimeSpan SunsetNotice = TimeSpan.FromDays(60);

    /// <summary>An unchanged credential end is reported again after this long (a report is a storage write).</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromHours(12);

    private readonly PlatformServices _platform;
    private readonly PlatformHttp _http;
    private readonly LinkedInTokens _tokens;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CredentialLifetime> _reported = new(StringComparer.Ordinal);

    public LinkedInConnector(PlatformServices platform, RotatedSecrets rotatedSecrets)
    {
        _platform = platform;
        _http = platform.CreateHttp(new LinkedInErrors());
        _tokens = new LinkedInTokens(platform, _http, rotatedSecrets);
    }

    public string Kind => LinkedInPlatform.KindName;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var settings = ChannelSettings.Read(channel, LinkedInSettings.Read);
        var state = ConnectorCursor.Parse(cursor, LinkedInJsonContext.Default.LinkedInCursor, "LinkedIn");
        var read = new Read(_platform.CreateClient(), channel.Id, settings);
        var now = _platform.Time.GetUtcNow();
        var horizon = (now - settings.PostLookback).ToUnixTimeMilliseconds();
        var brand = Brand(channel, settings);
        var watched = state.Posts.ToDictionary(p => p.Id, StringComparer.Ordinal);

        // The page's posts, newest first, back to the look-back.
        for (var page = 0; page < _platform.Options.MaxPagesPerPoll; page++)
        {
            var url = $"posts?author={Uri.EscapeDataString(settings.Organization)}&q=author&count={PageSize}&start={page * PageSize}";
            var posts = await GetAsync(read, url, LinkedInJsonContext.Default.LinkedInCollectionDtoLinkedInPostDto, $"posts page {page + 1}", notFoundIsEmpty: false, cancellationToken).ConfigureAwait(false);
            var all = posts?.Elements ?? [];
            var recent = all.Where(p => p.Id is { Length: > 0 } && Created(p) >= horizon).ToList();
            foreach (var post in recent)
            {
                watched.TryAdd(post.Id!, new LinkedInWatchedPost { Id = post.Id!, Created = Created(post)!.Value });
            }

            yield return new ConnectorPage([.. recent.Select(p => AsPost(p, brand))], null);
            if (all.Count < PageSize || recent.Count < all.Count)
            {
                break;
            }
        }

        // Every post inside the look-back, this poll's and earlier ones', its comments read whole.
        var kept = new List<LinkedInWatchedPost>();
        foreach (var post in watched.Values.Where(p => p.Created >= horizon).OrderByDescending(p => p.Created))
        {
            var (comments, complete, gone) = await CommentsAsync(read, post.Id, cancellationToken).ConfigureAwait(false);
            if (gone)
            {
                yield return new ConnectorPage([], null) { StateChanges = [new ItemStateChange(post.Id, ItemState.Deleted, now)] };
                continue;
            }

            var items = comments.Select(c => AsComment(c.Comment, c.Parent, settings.Organization, brand)).OfType<ContentItem>().ToList();
            var present = comments.Select(c => c.Comment.CommentUrn ?? c.Comment.Urn).OfType<string>().ToHashSet(StringComparer.Ordinal);
            kept.Add(post);
            yield return new ConnectorPage(items, null)
            {
                Reread = complete ? new ThreadReread(post.Id, DateTimeOffset.FromUnixTimeMilliseconds(post.Created), present, now) : null,
            };
        }

        ReportCredential(channel.Id, settings, now);
        state.Posts = kept;
        var (sunset, published) = LinkedInVersions.Sunset(settings.Version);
        IReadOnlyList<string> notices = sunset - now <= SunsetNotice
            ? [$"LinkedIn-Version {settings.Version} is sunset {(published ? "on" : "about")} {sunset:yyyy-MM-dd}; set Settings:{VersionSetting} of channel {channel.Id} to a newer version."]
            : [];
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, LinkedInJsonContext.Default.LinkedInCursor)) { Notices = notices };
    }

    /// <summary>
    /// What a person must act on first: the refresh token's end (when the monitor renews from one) or the version's
    /// sunset. A bare access token's end is not announced by LinkedIn; it lasts 60 days from its issue. Reported when it
    /// changes and every 12 hours, not every poll, since each report is a write of the channel's state.
    /// </summary>
    private void ReportCredential(string channelId, LinkedInSettings settings, DateTimeOffset now)
    {
        var (sunset, published) = LinkedInVersions.Sunset(settings.Version);
        var version = $"LinkedIn-Version {settings.Version}, sunset {(published ? "on" : "about")} {sunset.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: set Settings:{VersionSetting} to a newer version before then";
        var lifetime = _tokens.RefreshLifetime(channelId) is { ExpiresAt: { } end } refresh && end < sunset
            ? refresh with { CheckedAt = now }
            : new CredentialLifetime(now, sunset, RenewedByMonitor: false, version);
        if (_reported.TryGetValue(channelId, out var last) && last.ExpiresAt == lifetime.ExpiresAt && last.Source == lifetime.Source && now - last.CheckedAt < ReportEvery)
        {
            return;
        }

        _reported[channelId] = lifetime;
        _platform.Credentials.Report(channelId, lifetime);
    }

    /// <summary>The brand's author id: the organization when listed among the brand's (or none is listed), else the first listed.</summary>
    internal static string Brand(ChannelDefinition channel, LinkedInSettings settings) =>
        channel.BrandAuthorIds.Contains(settings.Organization) || channel.BrandAuthorIds.Count == 0
            ? settings.Organization
            : channel.BrandAuthorIds.Order(StringComparer.Ordinal).First();

    private static long? Created(LinkedInPostDto post) => post.PublishedAt ?? post.CreatedAt;

    private static ContentItem AsPost(LinkedInPostDto post, string brand) => new()
    {
        Id = post.Id!,
        Kind = ItemKind.Post,
        AuthorId = brand,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Created(post)!.Value),
        Text = post.Commentary ?? "",
        Url = Link(post.Id!),
    };

    /// <summary>A comment; one made on behalf of the organization (actor urn:li:organization:…) is the page's answer.</summary>
    internal static ContentItem? AsComment(LinkedInCommentDto comment, string parent, string organization, string brand)
    {
        var id = comment.CommentUrn ?? comment.Urn;
        if (id is not { Length: > 0 } || comment.Created?.Time is not { } created || comment.Actor is not { Length: > 0 } actor)
        {
            return null;
        }

        var modified = comment.LastModified?.Time;
        return new ContentItem
        {
            Id = id,
            ParentId = comment.ParentComment is { Length: > 0 } parentComment ? parentComment : parent,
            Kind = ItemKind.Comment,

            // LinkedIn allows storing no profile data but person URNs (network-update-social-actions): no name.
            AuthorId = actor == organization ? brand : actor,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(created),
            EditedAt = modified > created ? DateTimeOffset.FromUnixTimeMilliseconds(modified.Value) : null,
            Text = comment.Message?.Text ?? "",
            Url = comment.Object is { Length: > 0 } on ? Link(on) : null,
        };
    }

    private static string Link(string urn) => $"https://www.linkedin.com/feed/update/{urn}/";

    /// <returns>Each comment with its parent; false when a page limit cut the read; true when the post is gone.</returns>
    private async Task<(List<(LinkedInCommentDto Comment, string Parent)> Comments, bool Complete, bool Gone)> CommentsAsync(Read read, string postId, CancellationToken cancellationToken)
    {
        var found = new List<(LinkedInCommentDto, string)>();
        var (top, complete, gone) = await ListAsync(read, postId, cancellationToken).ConfigureAwait(false);
        if (gone)
        {
            return (found, false, true);
        }

        foreach (var comment in top)
        {
            found.Add((comment, postId));
            // commentsSummary is documented on socialActions/{urn}; on each comment of the list it is not confirmed, so a
            // comment without one (or with no count) has its replies asked for, and only a count of 0 spares the call.
            var replied = comment.CommentsSummary is not { } summary || (summary.TotalFirstLevelComments ?? summary.AggregatedTotalComments) is not 0;
            if (replied && (comment.CommentUrn ?? comment.Urn) is { Length: > 0 } urn)
            {
                var (replies, whole, _) = await ListAsync(read, urn, cancellationToken).ConfigureAwait(false);
                complete &= whole;
                found.AddRange(replies.Select(r => (r, urn)));
            }
        }

        return (found, complete, false);
    }

    /// <summary>One target's comments, page by page (<c>start</c>/<c>count</c>) until a short page or <c>total</c>.</summary>
    private async Task<(List<LinkedInCommentDto> Comments, bool Complete, bool Gone)> ListAsync(Read read, string urn, CancellationToken cancellationToken)
    {
        var comments = new List<LinkedInCommentDto>();
        for (var page = 0; page < _platform.Options.MaxPagesPerPoll; page++)
        {
            var url = $"socialActions/{Uri.EscapeDataString(urn)}/comments?start={page * PageSize}&count={PageSize}";
            var list = await GetAsync(read, url, LinkedInJsonContext.Default.LinkedInCollectionDtoLinkedInCommentDto, $"comments page {page + 1}", notFoundIsEmpty: true, cancellationToken).ConfigureAwait(false);
            if (list is null)
            {
                return (comments, false, page == 0);
            }

            var elements = list.Elements ?? [];
            comments.AddRange(elements);
            if (elements.Count < PageSize || (list.Paging?.Total is { } total && (page + 1) * PageSize >= total))
            {
                return (comments, true, false);
            }
        }

        return (comments, false, false);
    }

    private async Task<T?> GetAsync<T>(Read read, string path, JsonTypeInfo<T> type, string what, bool notFoundIsEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var request = new PlatformRequest(read.Client, read.ChannelId, new Uri(read.Settings.Api, path), what)
        {
            Authorise = async (message, ct) =>
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.AccessTokenAsync(read.Client, read.ChannelId, read.Settings, ct).ConfigureAwait(false));
                message.Headers.TryAddWithoutValidation("LinkedIn-Version", read.Settings.Version);
                message.Headers.TryAddWithoutValidation("X-Restli-Protocol-Version", "2.0.0");
            },
            Renew = _ => _tokens.RenewAsync(read.ChannelId, read.Settings),
            NotFoundIsEmpty = notFoundIsEmpty,
        };
        return await _http.GetJsonAsync(request, type, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Read(HttpClient Client, string ChannelId, LinkedInSettings Settings);
}
