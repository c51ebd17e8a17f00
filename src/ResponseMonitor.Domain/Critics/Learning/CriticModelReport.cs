namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// How a brand's model was trained and how it did in cross-validation (each labelled comment judged by a model that did
/// not see it), next to the built-in detector on the same comments. <see cref="Adopted"/>: whether it replaces the built-in verdicts.
/// </summary>
public sealed record CriticModelReport(
    string Brand,
    DateTimeOffset TrainedAt,
    int Examples,
    int CriticalExamples,
    int CrossValidationFolds,
    double Threshold,
    DetectionQuality Model,
    DetectionQuality BuiltIn,
    bool Adopted,
    IReadOnlyDictionary<string, int> Languages);
