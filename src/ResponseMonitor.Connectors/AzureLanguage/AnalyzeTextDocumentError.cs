namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextDocumentError(string Id, AnalyzeTextError? Error);
