namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record SentimentDocumentResult(string Id, string? Sentiment, SentimentConfidence? ConfidenceScores);
