using System.Net.Http.Headers;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// The one way sinks POST. Teams and Slack webhook URLs are bearer secrets in their path, so requests are marked for
/// telemetry to leave out and the named client logs nothing; errors name the sink, never the URL.
/// </summary>
public static class SinkHttp
{
    /// <summary>The named HTTP client every sink posts with; it logs nothing.</summary>
    public const string ClientName = "notification-sinks";

    /// <summary>Set on every sink request; the HTTP trace instrumentation skips requests that carry it.</summary>
    public static readonly HttpRequestOptionsKey<bool> SecretUrl = new("ResponseMonitor.SecretUrl");

    /// <summary>POSTs a JSON body; a failure names the sink and its status, never the URL.</summary>
    public static async Task PostJsonAsync(HttpClient client, string sinkName, string url, byte[] body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(headers);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Options.Set(SecretUrl, true);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"Sink '{sinkName}' could not be reached ({ex.HttpRequestError}).", null, ex.StatusCode);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Sink '{sinkName}' answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
    }
}
