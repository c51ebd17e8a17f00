namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextDocument(string Id, string? Language, string Text);
