namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextResponse(string? Kind, SentimentResults? Results);
