namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record SentimentConfidence(double Positive, double Neutral, double Negative);
