namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// How a brand's model was trained and how it did in cross-validation (each labelled comment judged by a model that did
/// not see it), next to the built-in detector on the same comments. <see cref="Adopted"/>: whether it replaces the built-in verdicts.
/// <see cref="EmbeddingHead"/>: the head over MiniLM embeddings tried for English labels, and whether it was chosen over
/// the linear model (null when none was tried: too few English labels, or no MiniLM weights).
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
    IReadOnlyDictionary<string, int> Languages,
    EmbeddingHeadReport? EmbeddingHead = null)
{
    /// <summary>What judges the brand's texts: <c>linear</c>, or <c>embedding-head</c> for the head's language and linear for the rest.</summary>
    public string Kind => EmbeddingHead is { Chosen: true } ? "embedding-head" : "linear";
}
