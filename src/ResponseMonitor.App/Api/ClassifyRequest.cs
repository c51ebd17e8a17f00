namespace ResponseMonitor.App.Api;

/// <summary>Texts to judge (1 to 1,000) and, optionally, the language they are most likely in.</summary>
public sealed record ClassifyRequest(IReadOnlyList<string?>? Texts, string? Language);
