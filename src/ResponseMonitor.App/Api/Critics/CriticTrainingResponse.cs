namespace ResponseMonitor.App.Api.Critics;

/// <summary>A training run: rows read, used and skipped (bad rows by line), and the model it made.</summary>
internal sealed record CriticTrainingResponse(long Rows, long Used, long Skipped, IReadOnlyList<ImportErrorDto> Errors, bool ErrorsTruncated, CriticModelResponse Model);
