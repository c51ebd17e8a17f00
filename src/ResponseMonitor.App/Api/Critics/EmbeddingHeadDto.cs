namespace ResponseMonitor.App.Api.Critics;

/// <summary>
/// A brand's head over MiniLM embeddings against its linear model, both cross-validated on the same English labels;
/// <c>chosen</c> when the head did better and judges the brand's English texts.
/// </summary>
internal sealed record EmbeddingHeadDto(string Language, int Examples, DetectionQualityDto Head, DetectionQualityDto Linear, bool Chosen);
