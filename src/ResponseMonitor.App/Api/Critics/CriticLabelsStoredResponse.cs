namespace ResponseMonitor.App.Api.Critics;

/// <summary>How many labels a request stored.</summary>
public sealed record CriticLabelsStoredResponse(int Stored);
