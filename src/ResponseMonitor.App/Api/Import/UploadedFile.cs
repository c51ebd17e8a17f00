using System.Text;
using Microsoft.AspNetCore.Http.Features;
using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.App.Api.Import;

/// <summary>
/// A CSV or JSON Lines file sent as the request body (the history import, critic labels): its format from
/// <c>?format=csv|jsonl</c> or the Content-Type, and the body as a stream, never buffered.
/// </summary>
internal static class UploadedFile
{
    /// <summary>The format, or the problem to answer (400 for other query parameters, 415 for an unknown format).</summary>
    public static ImportFormat? Format(HttpRequest request, string columns, out ProblemHttpResult? problem, params string[] alsoAllowed)
    {
        var q = new ApiQuery(request.Query);
        q.Only(["format", .. alsoAllowed]);
        if (q.Error is not null)
        {
            problem = TypedResults.Problem(q.Error, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");
            return null;
        }

        var formatText = q.String("format") ?? request.ContentType;
        if (HistoryImporter.FormatFor(formatText) is not { } format)
        {
            problem = TypedResults.Problem(
                $"Send CSV (Content-Type: text/csv) or JSON Lines (Content-Type: application/x-ndjson){columns}, or say ?format=csv|jsonl; got '{formatText}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file format.");
            return null;
        }

        problem = null;
        return format;
    }

    /// <summary>The body as text, UTF-8 unless a byte-order mark says otherwise, allowed up to <paramref name="maxBytes"/>.</summary>
    public static StreamReader Open(HttpRequest request, long maxBytes) =>
        new(Body(request, maxBytes), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);

    /// <summary>The body as bytes, allowed up to <paramref name="maxBytes"/>.</summary>
    public static Stream Body(HttpRequest request, long maxBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        return request.Body;
    }
}
