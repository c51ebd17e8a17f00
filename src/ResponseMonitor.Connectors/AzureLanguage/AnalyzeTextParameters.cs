namespace ResponseMonitor.Connectors.AzureLanguage;

public sealed record AnalyzeTextParameters(string ModelVersion, bool OpinionMining);
