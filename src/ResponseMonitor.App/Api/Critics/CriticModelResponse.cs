namespace ResponseMonitor.App.Api.Critics;

/// <summary>
/// A brand's model: when and on what it was trained, and how it and the built-in detector did in cross-validation on
/// the same labels. <c>adopted</c> is whether the brand's channels use it (only when it did better).
/// </summary>
internal sealed record CriticModelResponse(
    string Brand,
    DateTimeOffset TrainedAt,
    int Examples,
    int CriticalExamples,
    int CrossValidationFolds,
    double Threshold,
    bool Adopted,
    DetectionQualityDto Model,
    DetectionQualityDto BuiltIn,
    IReadOnlyDictionary<string, int> Languages)
{
    /// <summary>
    /// Set when an author's labels were erased after this model was trained (docs/PRIVACY.md): the model may still
    /// reflect them until it is trained again.
    /// </summary>
    public DateTimeOffset? RetrainRequestedAt { get; init; }

    /// <summary><c>linear</c>, or <c>embedding-head</c> when the brand's head over MiniLM embeddings judges its English texts.</summary>
    public string Kind { get; init; } = "linear";

    /// <summary>The head tried on the brand's English labels against the linear model, or null when none was tried.</summary>
    public EmbeddingHeadDto? EmbeddingHead { get; init; }
}
