using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Reads a small JSON request body with a size limit and turns every way it can be wrong into a sentence a caller can
/// act on: too large (413, by <see cref="BadRequestBodyHandler"/>), not JSON, or a field of the wrong type, named with
/// what it must be instead. No .NET type name reaches the answer.
/// </summary>
internal static class JsonBody
{
    /// <summary>Largest JSON body these endpoints take: 1,000 texts or labels fit with room to spare.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <param name="request">The request.</param>
    /// <param name="type">The body's source-generated type.</param>
    /// <param name="shape">An example of the body, for the answer.</param>
    /// <param name="fields">What each field must be, by JSON path without indices, e.g. <c>$.texts</c> or <c>$.texts[]</c>.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, string shape, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem($"The body must be JSON (Content-Type: application/json) like {shape}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type."));
        }

        try
        {
            var body = await request.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
            return body is null ? (null, Invalid($"The body must be JSON like {shape}, not null.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid($"The body must be JSON like {shape}: {Describe(ex, fields)}"));
        }
    }

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"The body is larger than {MaxBytes / (1024 * 1024)} MiB; send fewer items at a time.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large.");

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    private static string Describe(JsonException ex, IReadOnlyDictionary<string, string> fields)
    {
        var path = ex.Path;

        // A reader's error (the text is not JSON at all) comes wrapped; a converter's (a field of the wrong type) does not.
        if (ex.InnerException is JsonException || string.IsNullOrEmpty(path) || path == "$")
        {
            return ex.LineNumber is { } line ? $"it is not valid JSON (line {line + 1}, byte {ex.BytePositionInLine + 1})." : "it is not valid JSON.";
        }

        // $.texts[3] is an element of $.texts: look it up as $.texts[], then as $.texts.
        var general = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");
        if (fields.TryGetValue(general, out var must) || fields.TryGetValue(general.TrimEnd(']').TrimEnd('['), out must))
        {
            return $"'{path}' must be {must}.";
        }

        return $"'{path}' is not valid there (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
    }
}
