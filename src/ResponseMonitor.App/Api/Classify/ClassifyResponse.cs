namespace ResponseMonitor.App.Api.Classify;

/// <summary>One result per text, in the order sent.</summary>
internal sealed record ClassifyResponse(string Backend, IReadOnlyList<ClassifyResultDto> Results);
