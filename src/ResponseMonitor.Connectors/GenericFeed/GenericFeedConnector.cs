using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// Reads a generic JSON feed (docs/GENERIC_FEED.md): <c>GET {feedUrl}?since={cursor}&amp;pageToken={token}</c>,
/// items changed at or after <c>since</c> in ascending order. The cursor after a page is the latest change time seen
/// so far with the ids stored at it (<see cref="GenericFeedCursor"/>): because <c>since</c> is inclusive, items sharing
/// that instant are never lost, and the ones already stored are dropped, so an unchanged feed stores nothing.
/// </summary>
internal sealed class GenericFeedConnector(PlatformServices platform) : IChannelConnector
{
    /// <summary>Longest pause a feed's Retry-After may ask for; a larger value is taken as this.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromHours(6);

    public const string FeedUrlSetting = "feedUrl";

    private readonly PlatformHttp _http = platform.CreateHttp(new FeedErrors());

    public string Kind => ChannelKinds.GenericFeed;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var feed = ChannelSettings.Read(channel, GenericFeedSettings.Read).FeedUrl;

        var client = platform.CreateClient();
        var token = platform.Secrets.GetAccessToken(channel.Id);
        var start = GenericFeedCursor.Parse(cursor).NotAfter(platform.Time.GetUtcNow());
        var latest = start;
        string? pageToken = null;
        for (var pageNumber = 1; pageNumber <= platform.Options.MaxPagesPerPoll; pageNumber++)
        {
            var request = new PlatformRequest(client, channel.Id, BuildUri(feed, start.Since, pageToken), $"page {pageNumber}")
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
            };

            // The client's own retries are spent by now; the feed's Retry-After holds the channel across polls (FeedErrors).
            var body = (await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))!.Body;

            // A page that cannot be read fails whole and keeps the cursor; an item that can never be stored is reported
            // and passed, or the same page would fail at every poll and the channel would never move on.
            var now = platform.Time.GetUtcNow();
            var page = FeedParser.Parse(body, now);
            if (!page.IsReadable)
            {
                throw new ConnectorException($"Feed page {pageNumber} is unusable: {page.Error}");
            }

            var fresh = page.Items.Where(i => !start.AlreadyStored(i)).ToList();
            latest = latest.After(fresh, now);
            yield return new ConnectorPage(fresh, latest.Since is null ? cursor : latest.Serialize())
            {
                Skipped = [.. page.Skipped.Select(s => $"page {pageNumber}: {s}")],
            };

            if (page.NextPageToken is null)
            {
                yield break;
            }

            pageToken = page.NextPageToken;
        }
    }

    private static Uri BuildUri(Uri feed, string? since, string? pageToken)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(since))
        {
            query.Add("since=" + Uri.EscapeDataString(since));
        }

        if (!string.IsNullOrEmpty(pageToken))
        {
            query.Add("pageToken=" + Uri.EscapeDataString(pageToken));
        }

        if (query.Count == 0)
        {
            return feed;
        }

        var builder = new UriBuilder(feed);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? string.Join('&', query) : builder.Query.TrimStart('?') + "&" + string.Join('&', query);
        return builder.Uri;
    }
}
