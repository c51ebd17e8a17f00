namespace ResponseMonitor.App.Api.Critics;

/// <summary>How many labels a request stored.</summary>
internal sealed record CriticLabelsStoredResponse(int Stored);
