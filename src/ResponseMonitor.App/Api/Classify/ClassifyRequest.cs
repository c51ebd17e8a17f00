namespace ResponseMonitor.App.Api.Classify;

/// <summary>
/// Texts to judge (1 to 1,000) and, optionally, the language they are most likely in and the brand whose trained model
/// (if it has one and it was adopted) should judge them.
/// </summary>
internal sealed record ClassifyRequest(IReadOnlyList<string?>? Texts, string? Language, string? Brand = null);
