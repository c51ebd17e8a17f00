namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextDocumentError(string Id, AnalyzeTextError? Error);
