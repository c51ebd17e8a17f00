namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>
/// Which detector judges a brand's comments: <c>builtin</c>, <c>model</c> (the brand's own, adopted) or the configured
/// remote backend; with the brand's model report, if it has a model, adopted or not.
/// </summary>
internal sealed record BrandDetectorDto(string Brand, string Detector, DateTimeOffset? ModelTrainedAt, bool? ModelAdopted, double? ModelF1, double? BuiltInF1);
