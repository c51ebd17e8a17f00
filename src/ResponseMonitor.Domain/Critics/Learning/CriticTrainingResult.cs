using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// What a training request came to: the rows read, the bad ones by line, and either the new model's report or the
/// reason no model was trained (too few labels, one label only).
/// </summary>
public sealed record CriticTrainingResult(long Rows, long Used, long Skipped, IReadOnlyList<ImportRowError> Errors, CriticModelReport? Report, string? Refusal);
