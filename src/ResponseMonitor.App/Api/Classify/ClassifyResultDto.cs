namespace ResponseMonitor.App.Api.Classify;

/// <summary>
/// The verdict on one text: language (ISO 639-1, "und" when unknown), critical | not-critical | unclassified, a score,
/// the cues, and the detector that judged it (lexicon, model, brand-model, azure-language).
/// </summary>
internal sealed record ClassifyResultDto(string Language, string Label, double Score, IReadOnlyList<string> Cues, string Detector);
