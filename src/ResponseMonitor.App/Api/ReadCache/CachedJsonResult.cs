using Microsoft.Net.Http.Headers;

namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>
/// Writes a <see cref="CachedJson"/> with its ETag, or 304 Not Modified when the client already holds it
/// (RFC 9110 §13.1.2: If-None-Match, weak comparison, <c>*</c> matches). The answer is private: it is behind the API key.
/// </summary>
internal sealed class CachedJsonResult(CachedJson json, TimeSpan lifetime) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers.ETag = json.ETag;
        response.Headers.CacheControl = lifetime > TimeSpan.Zero ? $"private, max-age={(int)lifetime.TotalSeconds}" : "private, no-cache";
        if (Matches(httpContext.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Body.Length;
        await response.Body.WriteAsync(json.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }

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
