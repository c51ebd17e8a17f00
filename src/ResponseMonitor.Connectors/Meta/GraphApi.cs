using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// What the Facebook and Instagram connectors share about the Graph API: the token as a Bearer header (never in a
/// URL), <c>paging.next</c> links followed on the Graph host only with their <c>access_token</c> removed, Graph error
/// codes (190 expired token; 4, 17, 32, 613 throttling) and the <c>x-app-usage</c> / <c>x-page-usage</c> /
/// <c>x-business-use-case-usage</c> headers, which pause the channel before Meta blocks it.
/// </summary>
public sealed class GraphApi(HttpClient client, Uri graph, string token, TimeProvider time)
{
    private const int PauseAtPercent = 95;
    private static readonly int[] ThrottleCodes = [4, 17, 32, 613, 80001, 80002, 80004];

    public Uri Url(string pathAndQuery) => new(graph, pathAndQuery);

    /// <summary>Fetches one page: its <c>data</c> items and the next page's URL (null at the end).</summary>
    public async Task<(List<JsonElement> Data, Uri? Next)> GetPageAsync(Uri url, string what, int page, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        JsonDocument document;
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ConnectorException($"Graph {what} page {page} answered HTTP {(int)response.StatusCode} with a body that is not JSON.", ex);
            }

            using (document)
            {
                if (document.RootElement.TryGetProperty("error", out var error))
                {
                    throw Fault(error, what);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new ConnectorException($"Graph {what} page {page} answered HTTP {(int)response.StatusCode}.");
                }

                PauseIfNearLimit(response.Headers, what);
                var data = document.RootElement.TryGetProperty("data", out var items) && items.ValueKind == JsonValueKind.Array
                    ? items.EnumerateArray().Select(e => e.Clone()).ToList()
                    : [];
                var next = document.RootElement.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String
                    ? SameHost(n.GetString()!)
                    : null;
                return (data, next);
            }
        }
        catch (Exception ex) when (ConnectorFaults.IsTransport(ex, cancellationToken))
        {
            throw ConnectorFaults.Transport(ex, $"Graph {what} page {page}");
        }
    }

    public static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement? Object(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>Graph times look like <c>2021-07-04T19:50:58+0000</c>.</summary>
    public static DateTimeOffset? Time(JsonElement item, string property) =>
        Text(item, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    private Exception Fault(JsonElement error, string what)
    {
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
        var message = Text(error, "message") ?? "unknown error";
        if (code == 190 || Text(error, "type") == "OAuthException" && code is 102 or 463 or 467)
        {
            return new CredentialRejectedException($"Meta refused the access token reading {what} (OAuthException {code}: {message}); renew the channel's token.");
        }

        return ThrottleCodes.Contains(code)
            ? new RateLimitedException($"Meta throttled {what} (code {code}); paused for 15 minutes.", time.GetUtcNow().AddMinutes(15))
            : new ConnectorException($"Graph {what} failed (code {code}): {message}");
    }

    private void PauseIfNearLimit(HttpResponseHeaders headers, string what)
    {
        foreach (var name in new[] { "x-app-usage", "x-page-usage", "x-business-use-case-usage" })
        {
            if (!headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                var (percent, regainMinutes) = Usage(value);
                if (percent >= PauseAtPercent)
                {
                    throw new RateLimitedException($"Meta's {name} reached {percent}% reading {what}; paused to stay under the limit.", time.GetUtcNow().AddMinutes(Math.Max(regainMinutes, 15)));
                }
            }
        }
    }

    /// <summary>Highest percentage in a usage header (flat, or per business id as in x-business-use-case-usage).</summary>
    private static (int Percent, int RegainMinutes) Usage(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            var percent = 0;
            var regain = 0;
            void Read(JsonElement node)
            {
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Number && property.Name is "call_count" or "total_cputime" or "total_time")
                    {
                        percent = Math.Max(percent, property.Value.GetInt32());
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Number && property.Name == "estimated_time_to_regain_access")
                    {
                        regain = Math.Max(regain, property.Value.GetInt32());
                    }
                }
            }

            foreach (var node in document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array)
                ? document.RootElement.EnumerateObject().SelectMany(p => p.Value.EnumerateArray())
                : [document.RootElement])
            {
                Read(node);
            }

            return (percent, regain);
        }
        catch (JsonException)
        {
            return (0, 0);
        }
    }

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
