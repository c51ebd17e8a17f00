using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// Reads a brand's Reddit account (docs/CHANNELS.md): its own submissions and comments (<c>/user/{name}/overview</c>),
/// the replies and mentions in its inbox (<c>/message/comments</c>, <c>/message/mentions</c>), and the comment trees of
/// its recent submissions (<c>/comments/{id}</c>). Listings run newest first with an <c>after</c> token; each is walked
/// back to the high-water mark, which moves only after everything newer is stored.
/// </summary>
public sealed class RedditConnector(IHttpClientFactory httpClients, IChannelSecrets secrets, IOptions<ConnectorOptions> options) : IChannelConnector
{
    public const string ApiUrlSetting = "apiUrl";
    public const string UsernameSetting = "username";
    public const string TreeLookbackSetting = "treeLookback";

    public string Kind => ChannelKinds.Reddit;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!channel.Settings.TryGetValue(UsernameSetting, out var username) || string.IsNullOrWhiteSpace(username))
        {
            throw new ConnectorException($"Channel {channel.Id} needs the '{UsernameSetting}' setting.");
        }

        var api = channel.Settings.TryGetValue(ApiUrlSetting, out var apiText) && Uri.TryCreate(apiText, UriKind.Absolute, out var configured) ? configured : new Uri("https://oauth.reddit.com/");
        var treeLookback = channel.Settings.TryGetValue(TreeLookbackSetting, out var lb) && TimeSpan.TryParse(lb, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.FromDays(3);
        var token = secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} needs an OAuth access token (AccessToken) for Reddit.");
        var state = Parse(cursor);
        var since = state.Since is { } s ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000)) : (DateTimeOffset?)null;
        var client = httpClients.CreateClient(GenericFeed.GenericFeedConnector.HttpClientName);
        var newest = since;
        var recentSubmissions = new List<ContentItem>();

        foreach (var (path, what) in new[] { ($"user/{Uri.EscapeDataString(username)}/overview?sort=new", "own posts and comments"), ("message/comments?", "inbox replies"), ("message/mentions?", "mentions") })
        {
            string? after = null;
            for (var page = 1; page <= options.Value.MaxPagesPerPoll; page++)
            {
                var separator = path.EndsWith('?') ? "" : "&";
                var url = new Uri(api, $"{path}{separator}limit=100&raw_json=1" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
                using var document = await GetAsync(client, url, token, what, page, cancellationToken).ConfigureAwait(false);
                var all = RedditListing.Items(document.RootElement);
                var fresh = all.Where(i => since is null || i.CreatedAt >= since).ToList();
                newest = fresh.Select(i => (DateTimeOffset?)i.CreatedAt).Append(newest).Max();
                recentSubmissions.AddRange(fresh.Where(i => i.Kind == ItemKind.Post && string.Equals(i.AuthorId, username, StringComparison.OrdinalIgnoreCase)));
                yield return new ConnectorPage(fresh, null);
                after = RedditListing.After(document.RootElement);
                if (since is null || fresh.Count < all.Count || after is null)
                {
                    break;
                }
            }
        }

        // Comment trees of the brand's recent submissions: conversations among the public under its posts.
        var horizon = (newest ?? DateTimeOffset.UnixEpoch) - treeLookback;
        foreach (var submission in recentSubmissions.Where(p => p.CreatedAt >= horizon).DistinctBy(p => p.Id))
        {
            var url = new Uri(api, $"comments/{Uri.EscapeDataString(submission.Id.Replace("t3_", "", StringComparison.Ordinal))}?sort=new&limit=500&raw_json=1");
            using var document = await GetAsync(client, url, token, "comment tree", 1, cancellationToken).ConfigureAwait(false);
            yield return new ConnectorPage(RedditListing.Items(document.RootElement), null);
        }

        state.Since = newest is { } n ? n.ToUnixTimeMilliseconds() / 1000.0 : null;
        yield return new ConnectorPage([], JsonSerializer.Serialize(state, RedditJsonContext.Default.RedditCursor));
    }

    private static async Task<JsonDocument> GetAsync(HttpClient client, Uri url, string token, string what, int page, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ResponseMonitor", "1.0"));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new CredentialRejectedException($"Reddit refused the access token reading {what} (HTTP {(int)response.StatusCode}); renew the channel's token.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectorException($"Reddit {what} page {page} answered HTTP {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new ConnectorException($"Reddit {what} page {page} is not JSON: {ex.Message.Split('.')[0]}.", ex);
            }
        }
        catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
        {
            throw ConnectorFaults.Transport(ex, $"Reddit {what} page {page}");
        }
    }

    private static RedditCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, RedditJsonContext.Default.RedditCursor, "Reddit");
}
