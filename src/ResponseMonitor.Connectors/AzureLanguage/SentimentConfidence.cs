namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record SentimentConfidence(double Positive, double Neutral, double Negative);
