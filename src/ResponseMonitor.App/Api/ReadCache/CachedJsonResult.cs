using Microsoft.Net.Http.Headers;

namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>
/// Writes a <see cref="CachedJson"/> with its ETag, or 304 Not Modified when the client already holds it
/// (RFC 9110 §13.1.2: If-None-Match, weak comparison, <c>*</c> matches). The answer is private: it is behind the API key.
/// Gzipped for clients that accept it (every browser does), from bytes compressed once per cached answer.
/// </summary>
internal sealed class CachedJsonResult(CachedJson json, TimeSpan lifetime) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers.ETag = json.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = lifetime > TimeSpan.Zero ? $"private, max-age={(int)lifetime.TotalSeconds}" : "private, no-cache";
        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var body = json.Body;
        if (AcceptsGzip(httpContext.Request.Headers.AcceptEncoding))
        {
            response.Headers.ContentEncoding = "gzip";
            body = json.Gzip;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>RFC 9110 §12.5.3: gzip (or *) listed with a quality above zero.</summary>
    private static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues acceptEncoding) =>
        StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)
        && codings.Any(c => (c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || c.Value.Equals("*", StringComparison.Ordinal)) && (c.Quality ?? 1) > 0);

    private bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(json.ETag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
