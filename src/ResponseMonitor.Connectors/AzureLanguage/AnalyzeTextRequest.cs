namespace ResponseMonitor.Connectors.AzureLanguage;

/// <summary>The body of <c>POST {endpoint}/language/:analyze-text</c> for sentiment (kind SentimentAnalysis).</summary>
internal sealed record AnalyzeTextRequest(string Kind, AnalyzeTextParameters Parameters, AnalyzeTextInput AnalysisInput);
