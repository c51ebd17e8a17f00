namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record SentimentDocumentResult(string Id, string? Sentiment, SentimentConfidence? ConfidenceScores);
