using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Connectors.AzureLanguage;

/// <summary>
/// Critic verdicts from Azure AI Language sentiment analysis (REST, <c>language/:analyze-text</c>), ten documents a
/// request as the synchronous API allows. A text is critical when its negative confidence reaches the threshold.
/// The brand's own rules still come first. Whatever the service does not answer (an outage, a refused key, a language
/// it does not support) gets the built-in verdict, marked <c>fallback:builtin</c>, and is asked again next time.
/// </summary>
public sealed partial class AzureLanguageCriticDetector(
    IHttpClientFactory http,
    IOptions<AzureLanguageOptions> options,
    BuiltInCriticClassifier builtIn,
    ILogger<AzureLanguageCriticDetector> logger) : ICriticClassifier
{
    /// <summary>The name <c>Critics:Backend</c> selects this backend by.</summary>
    public const string BackendName = "azure-language";

    /// <summary>The named HTTP client the service is called with.</summary>
    public const string HttpClientName = "azure-language";

    /// <summary>Documents per request and characters per document, as the service documents them.</summary>
    public const int MaxDocuments = 10;

    /// <summary>Characters the service reads of one document; longer texts are cut before sending.</summary>
    public const int MaxCharacters = 5120;

    /// <inheritdoc/>
    public string Name => BackendName;

    /// <inheritdoc/>
    public bool IsRemote => true;

    /// <summary>One text at a time is the local path (spike rule, exclusions): the built-in verdict, no call.</summary>
    public CriticVerdict Classify(string text, string? languageHint = null) => builtIn.Classify(text, languageHint);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var verdicts = texts.Select(t => builtIn.Classify(t, languageHint)).ToArray();
        var ask = Enumerable.Range(0, texts.Count)
            .Where(i => !string.IsNullOrWhiteSpace(texts[i]) && !verdicts[i].Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal)))
            .ToList();
        foreach (var chunk in ask.Chunk(MaxDocuments))
        {
            var documents = chunk.Select(i => new AnalyzeTextDocument(
                i.ToString(CultureInfo.InvariantCulture),
                languageHint ?? (verdicts[i].Language is "und" ? null : verdicts[i].Language),
                texts[i].Length > MaxCharacters ? texts[i][..MaxCharacters] : texts[i])).ToList();
            var answered = await AskAsync(documents, cancellationToken).ConfigureAwait(false);
            foreach (var i in chunk)
            {
                verdicts[i] = answered.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var result) && result.ConfidenceScores is { } scores
                    ? Map(result.Sentiment, scores, documents.First(d => d.Id == result.Id).Language)
                    : verdicts[i] with { Cues = [.. verdicts[i].Cues, "fallback:builtin"] };
            }
        }

        return verdicts;
    }

    private CriticVerdict Map(string? sentiment, SentimentConfidence scores, string? language)
    {
        var critical = scores.Negative >= options.Value.NegativeThreshold;
        return new CriticVerdict(
            language ?? "und",
            critical ? CriticLabel.Critical : CriticLabel.NotCritical,
            Math.Round(scores.Negative - scores.Positive, 3),
            [$"{BackendName}:{sentiment ?? "unknown"}", string.Create(CultureInfo.InvariantCulture, $"{BackendName}:negative={scores.Negative:0.###}")])
        {
            Detector = BackendName,
        };
    }

    private async Task<Dictionary<string, SentimentDocumentResult>> AskAsync(List<AnalyzeTextDocument> documents, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var url = new Uri($"{settings.Endpoint!.AbsoluteUri.TrimEnd('/')}/language/:analyze-text?api-version={Uri.EscapeDataString(settings.ApiVersion)}");
        var body = new AnalyzeTextRequest("SentimentAnalysis", new AnalyzeTextParameters("latest", false), new AnalyzeTextInput(documents));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(body, AzureLanguageJsonContext.Default.AnalyzeTextRequest),
            };
            request.Headers.Add("Ocp-Apim-Subscription-Key", settings.ApiKey);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, (int)response.StatusCode, documents.Count);
                return [];
            }

            var parsed = await response.Content.ReadFromJsonAsync(AzureLanguageJsonContext.Default.AnalyzeTextResponse, cancellationToken).ConfigureAwait(false);
            foreach (var error in parsed?.Results?.Errors ?? [])
            {
                LogDocumentError(logger, error.Error?.Code ?? "unknown", error.Error?.Message ?? "");
            }

            return (parsed?.Results?.Documents ?? []).ToDictionary(d => d.Id, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnavailable(logger, documents.Count, ex.GetType().Name);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language answered {Status} for {Count} texts; they keep the built-in verdict")]
    private static partial void LogRefused(ILogger logger, int status, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language could not analyse a text ({Code}: {Message}); it keeps the built-in verdict")]
    private static partial void LogDocumentError(ILogger logger, string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language was not reachable for {Count} texts ({Error}); they keep the built-in verdict")]
    private static partial void LogUnavailable(ILogger logger, int count, string error);
}
