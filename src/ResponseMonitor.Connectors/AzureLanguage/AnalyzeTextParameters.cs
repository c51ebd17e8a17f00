namespace ResponseMonitor.Connectors.AzureLanguage;

internal sealed record AnalyzeTextParameters(string ModelVersion, bool OpinionMining);
