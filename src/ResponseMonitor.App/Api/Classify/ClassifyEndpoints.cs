using ResponseMonitor.App.Functions;

namespace ResponseMonitor.App.Api.Classify;

/// <summary><c>POST /api/classify</c>: the critic detector on its own, for up to 1,000 texts at once.</summary>
internal static class ClassifyEndpoints
{
    public const int MaxTexts = 1000;
    public const int MaxTextLength = 10_000;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.Classify, "classify", ClassifyAsync),
    ];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["$.texts"] = "an array of strings",
        ["$.texts[]"] = "a string",
        ["$.brand"] = "a string naming a brand",
    };

    private static async Task<Results<Ok<ClassifyResponse>, ProblemHttpResult>> ClassifyAsync(HttpRequest request, [AsParameters] ClassifyServices services, CancellationToken cancellationToken)
    {
        var (detector, catalog, models) = services;
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.ClassifyRequest, "{\"texts\": [\"...\"], \"brand\": \"...\"}", Fields, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var texts = body?.Texts;
        if (texts is null || texts.Count == 0)
        {
            return Problems.BadRequest("'texts' must hold at least one text.");
        }

        if (texts.Count > MaxTexts)
        {
            return Problems.BadRequest($"'texts' holds {texts.Count} texts; send at most {MaxTexts} a request.");
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                return Problems.BadRequest($"texts[{i}] is null; send a string (it may be empty).");
            }

            if (texts[i]!.Length > MaxTextLength)
            {
                return Problems.BadRequest($"texts[{i}] has {texts[i]!.Length} characters; at most {MaxTextLength}.");
            }
        }

        var language = string.IsNullOrWhiteSpace(body!.Language) ? null : body.Language.Trim().ToLowerInvariant();
        if (body.Brand is not null && !detector.IsRemote)
        {
            // The brand's channels are judged by its own model, when it has one; so are its texts here.
            if (catalog.FindBrand(body.Brand) is not { } brand)
            {
                return Problems.UnknownBrand(body.Brand);
            }

            var critics = await models.ForAsync(brand, cancellationToken).ConfigureAwait(false);
            detector = critics;
        }

        var verdicts = await detector.ClassifyAsync([.. texts.Select(t => t!)], language, cancellationToken).ConfigureAwait(false);
        var results = verdicts.Select(v => new ClassifyResultDto(v.Language, ApiMapper.Label(v.Label), v.Score, v.Cues, v.Detector)).ToList();
        return TypedResults.Ok(new ClassifyResponse(detector.IsRemote ? detector.Name : "builtin", results));
    }
}
