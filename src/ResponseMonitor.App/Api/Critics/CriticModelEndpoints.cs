using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.App.Api.Critics;

/// <summary>
/// A brand's own critic model: <c>POST /api/critics/models/{brand}</c> trains it from a CSV or JSON Lines file of
/// labelled comments (text, label, language), <c>GET</c> reports how it did against the built-in detector,
/// <c>DELETE</c> returns the brand to the built-in detector. Method and figures: docs/DETECTION.md.
/// </summary>
internal static class CriticModelEndpoints
{
    // 100,000 labelled comments of a few hundred characters each.
    private const long MaxBodyBytes = 256L * 1024 * 1024;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.TrainCriticModel, "critics/models/{brand}", TrainAsync),
        ApiRoute.Get(FunctionNames.GetCriticModel, "critics/models/{brand}", GetAsync),
        ApiRoute.Delete(FunctionNames.DeleteCriticModel, "critics/models/{brand}", DeleteAsync),
    ];

    private static async Task<Results<Ok<CriticTrainingResponse>, ProblemHttpResult>> TrainAsync(string brand, HttpRequest request, IChannelCatalog catalog, CriticModelService models, CancellationToken cancellationToken)
    {
        if (catalog.FindBrand(brand) is not { } known)
        {
            return Problems.UnknownBrand(brand);
        }

        if (UploadedFile.Format(request, " with the columns text, label (critical or not_critical) and, optionally, language", out var problem) is not { } format)
        {
            return problem!;
        }

        using var reader = UploadedFile.Open(request, MaxBodyBytes);
        return Answer(await models.TrainAsync(known, reader, format, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The model's report, or a 422 that says why none was trained, with the rows that could not be used.</summary>
    internal static Results<Ok<CriticTrainingResponse>, ProblemHttpResult> Answer(CriticTrainingResult result)
    {
        if (result.Report is null)
        {
            return TypedResults.Problem(
                result.Refusal,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too few labelled comments to train a model.",
                extensions: new Dictionary<string, object?> { ["rows"] = result.Rows, ["skipped"] = result.Skipped, ["errors"] = result.Errors.Select(e => new ImportErrorDto(e.Line, e.Error)).ToList() });
        }

        return TypedResults.Ok(Map(result));
    }

    private static async Task<Results<Ok<CriticModelResponse>, ProblemHttpResult>> GetAsync(string brand, IChannelCatalog catalog, CriticModelService models, Domain.Ports.IPersonalDataStore privacy, CancellationToken cancellationToken)
    {
        if (catalog.FindBrand(brand) is not { } known)
        {
            return Problems.UnknownBrand(brand);
        }

        var retrain = await privacy.GetRetrainRequestAsync(known, cancellationToken).ConfigureAwait(false);
        return await models.GetReportAsync(known, cancellationToken).ConfigureAwait(false) is { } report
            ? TypedResults.Ok(Map(report) with { RetrainRequestedAt = retrain >= report.TrainedAt ? retrain : null })
            : Problems.NotFound("No model.", $"Brand '{known}' has no trained model; its channels use the built-in detector.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string brand, IChannelCatalog catalog, CriticModelService models, CancellationToken cancellationToken)
    {
        if (catalog.FindBrand(brand) is not { } known)
        {
            return Problems.UnknownBrand(brand);
        }

        return await models.DeleteAsync(known, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound("No model.", $"Brand '{known}' has no trained model.");
    }

    internal static CriticTrainingResponse Map(CriticTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result.Report);
        var errors = result.Errors.Select(e => new ImportErrorDto(e.Line, e.Error)).ToList();
        return new CriticTrainingResponse(result.Rows, result.Used, result.Skipped, errors, result.Skipped > errors.Count, Map(result.Report));
    }

    private static CriticModelResponse Map(CriticModelReport report) => new(
        report.Brand,
        report.TrainedAt,
        report.Examples,
        report.CriticalExamples,
        report.CrossValidationFolds,
        report.Threshold,
        report.Adopted,
        Map(report.Model),
        Map(report.BuiltIn),
        report.Languages)
    {
        Kind = report.Kind,
        EmbeddingHead = report.EmbeddingHead is { } head ? new EmbeddingHeadDto(head.Language, head.Examples, Map(head.Head), Map(head.Linear), head.Chosen) : null,
    };

    private static DetectionQualityDto Map(DetectionQuality quality) => new(
        Math.Round(quality.Precision, 3),
        Math.Round(quality.Recall, 3),
        Math.Round(quality.F1, 3),
        quality.TruePositives,
        quality.FalsePositives,
        quality.FalseNegatives,
        quality.TrueNegatives);
}
