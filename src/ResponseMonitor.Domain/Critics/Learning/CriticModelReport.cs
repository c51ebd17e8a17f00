namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// How a brand's model was trained and how it did on the labelled comments held out from training, next to the
/// built-in detector on the very same comments. <see cref="Adopted"/> says whether it replaces the built-in verdicts.
/// </summary>
public sealed record CriticModelReport(
    string Brand,
    DateTimeOffset TrainedAt,
    int Examples,
    int CriticalExamples,
    int ValidationExamples,
    double Threshold,
    DetectionQuality Model,
    DetectionQuality BuiltIn,
    bool Adopted,
    IReadOnlyDictionary<string, int> Languages);
