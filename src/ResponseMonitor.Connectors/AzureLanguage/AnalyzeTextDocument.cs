namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextDocument(string Id, string? Language, string Text);
