namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextError(string? Code, string? Message);
