namespace ResponseMonitor.App.Api;

/// <summary>How many labels a request stored.</summary>
public sealed record CriticLabelsStoredResponse(int Stored);
