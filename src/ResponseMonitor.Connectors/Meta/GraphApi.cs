using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// What the Facebook and Instagram connectors share about the Graph API: the token as a Bearer header (never in a
/// URL), <c>paging.next</c> links followed on the Graph host only with their <c>access_token</c> removed. Errors and
/// usage headers are read by <see cref="GraphErrors"/> on the shared <see cref="PlatformHttp"/> path.
/// </summary>
internal sealed class GraphApi(HttpClient client, PlatformHttp http, Uri graph, string channelId, string token)
{
    public Uri Url(string pathAndQuery) => new(graph, pathAndQuery);

    /// <summary>Fetches one page: its <c>data</c> items and the next page's URL (null at the end). A deleted object reads as empty.</summary>
    /// <param name="url">The page.</param>
    /// <param name="what">What is read, for messages.</param>
    /// <param name="page">Its number in the walk, for messages.</param>
    /// <param name="missingIsEmpty">True under a post that may have been deleted since it was listed.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    public async Task<(List<JsonElement> Data, Uri? Next)> GetPageAsync(Uri url, string what, int page, bool missingIsEmpty, CancellationToken cancellationToken)
    {
        using var document = await http.GetDocumentAsync(Request(url, $"Graph {what} page {page}") with { NotFoundIsEmpty = missingIsEmpty }, cancellationToken).ConfigureAwait(false);
        return document is null ? ([], null) : Page(document.RootElement);
    }

    /// <summary>A page of a comments edge asked with <c>summary=true</c>: its items, next link and <c>summary.order</c> (null when absent).</summary>
    public async Task<(List<JsonElement> Data, Uri? Next, string? Order)> GetCommentPageAsync(Uri url, int page, CancellationToken cancellationToken)
    {
        using var document = await http.GetDocumentAsync(Request(url, $"Graph comments page {page}") with { NotFoundIsEmpty = true }, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return ([], null, null);
        }

        var (data, next) = Page(document.RootElement);
        var order = document.RootElement.ValueKind == JsonValueKind.Object && Object(document.RootElement, "summary") is { } summary ? Text(summary, "order") : null;
        return (data, next, order);
    }

    /// <summary>Any Graph object as a document; null when it is gone.</summary>
    public Task<JsonDocument?> GetDocumentAsync(Uri url, string what, CancellationToken cancellationToken) =>
        http.GetDocumentAsync(Request(url, what) with { NotFoundIsEmpty = true }, cancellationToken);

    /// <summary>One page of a nested edge (a comment's <c>replies</c>) that came inside another answer: its items, and its own next link.</summary>
    public (List<JsonElement> Data, Uri? Next) Page(JsonElement edge)
    {
        var data = edge.TryGetProperty("data", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(e => e.Clone()).ToList()
            : [];
        var next = edge.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object && paging.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String
            ? SameHost(n.GetString()!)
            : null;
        return (data, next);
    }

    /// <summary>A call with the token in the header.</summary>
    public PlatformRequest Request(Uri url, string what) => new(client, channelId, url, what)
    {
        Authorise = (message, _) =>
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return ValueTask.CompletedTask;
        },
    };

    public static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement? Object(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>Graph times look like <c>2021-07-04T19:50:58+0000</c>.</summary>
    public static DateTimeOffset? Time(JsonElement item, string property) =>
        Text(item, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    private Uri? SameHost(string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var url) || Uri.Compare(url, graph, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        // Graph puts the token in paging links; it travels in the header instead.
        var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("access_token=", StringComparison.Ordinal)));
        return new UriBuilder(url) { Query = query }.Uri;
    }
}
