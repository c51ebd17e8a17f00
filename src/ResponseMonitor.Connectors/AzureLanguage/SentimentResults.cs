namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record SentimentResults(IReadOnlyList<SentimentDocumentResult>? Documents, IReadOnlyList<AnalyzeTextDocumentError>? Errors, string? ModelVersion);
