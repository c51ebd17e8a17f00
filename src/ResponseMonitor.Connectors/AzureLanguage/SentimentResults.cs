namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record SentimentResults(IReadOnlyList<SentimentDocumentResult>? Documents, IReadOnlyList<AnalyzeTextDocumentError>? Errors, string? ModelVersion);
