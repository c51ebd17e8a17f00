namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextInput(IReadOnlyList<AnalyzeTextDocument> Documents);
