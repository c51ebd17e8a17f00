using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
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
public sealed class GenericFeedConnector(IHttpClientFactory httpClients, IChannelSecrets secrets, IOptions<ConnectorOptions> options, TimeProvider time) : IChannelConnector
{
    /// <summary>Longest pause a feed's Retry-After may ask for; a larger value is taken as this.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromHours(6);

    public const string HttpClientName = "generic-feed";
    public const string FeedUrlSetting = "feedUrl";

    public string Kind => ChannelKinds.GenericFeed;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!channel.Settings.TryGetValue(FeedUrlSetting, out var feedUrl) || !Uri.TryCreate(feedUrl, UriKind.Absolute, out var feed))
        {
            throw new ConnectorException($"Channel {channel.Id} has no valid '{FeedUrlSetting}' setting.");
        }

        var client = httpClients.CreateClient(HttpClientName);
        var token = secrets.GetAccessToken(channel.Id);
        var start = GenericFeedCursor.Parse(cursor);
        var latest = start;
        string? pageToken = null;
        for (var pageNumber = 1; pageNumber <= options.Value.MaxPagesPerPoll; pageNumber++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, BuildUri(feed, start.Since, pageToken));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            byte[] body;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);

                // The client's own retries are spent; the feed's Retry-After now holds the channel across polls
                // (RFC 9110 §10.2.3: seconds or an HTTP date), instead of asking again at the next tick.
                if (response.StatusCode is System.Net.HttpStatusCode.TooManyRequests
                    || (response.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
                {
                    var now = time.GetUtcNow();
                    var wait = response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - now) ?? TimeSpan.FromMinutes(1);
                    var retryAt = now + (wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxPause ? MaxPause : wait);
                    throw new RateLimitedException($"Feed page {pageNumber} answered HTTP {(int)response.StatusCode}; paused until {retryAt:O} as the feed asked.", retryAt);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ConnectorException($"Feed page {pageNumber} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
                }

                // A login or error page served with 200 is not a feed, even when its text happens to parse.
                if (response.Content.Headers.ContentType?.MediaType is { } mediaType && !IsJson(mediaType))
                {
                    throw new ConnectorException($"Feed page {pageNumber} answered {mediaType}, not JSON; check the channel's FeedUrl and its credentials.");
                }

                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
            {
                throw ConnectorFaults.Transport(ex, $"Feed page {pageNumber}");
            }

            // A page that cannot be read fails whole and keeps the cursor; an item that can never be stored is reported
            // and passed, or the same page would fail at every poll and the channel would never move on.
            var page = FeedParser.Parse(body);
            if (!page.IsReadable)
            {
                throw new ConnectorException($"Feed page {pageNumber} is unusable: {page.Error}");
            }

            var fresh = page.Items.Where(i => !start.AlreadyStored(i)).ToList();
            latest = latest.After(fresh);
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

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
