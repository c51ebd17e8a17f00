namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextError(string? Code, string? Message);
