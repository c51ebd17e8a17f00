using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResponseMonitor.Connectors.Http;

/// <summary>One answer of a platform, its body read once, for the platform's classifier to judge.</summary>
internal sealed class PlatformAnswer(HttpStatusCode status, HttpResponseHeaders headers, string? mediaType, byte[] body)
{
    public int Code => (int)status;

    public bool IsSuccess => Code is >= 200 and < 300;

    public HttpResponseHeaders Headers => headers;

    public string? MediaType => mediaType;

    public byte[] Body => body;

    public bool IsJson => mediaType is null || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonDocument? TryJson()
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
