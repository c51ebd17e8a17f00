namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextInput(IReadOnlyList<AnalyzeTextDocument> Documents);
