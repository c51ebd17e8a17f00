namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextResponse(string? Kind, SentimentResults? Results);
