namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// How a brand's head over MiniLM embeddings did against its linear model, both in five-fold cross-validation on the
/// same labels of the head's language: <see cref="Chosen"/> when the head did better, and then it judges that language.
/// </summary>
public sealed record EmbeddingHeadReport(string Language, int Examples, DetectionQuality Head, DetectionQuality Linear, bool Chosen);
