namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// The detector the product ships: the lexicon reads every text (language, cues, the brand's rules), then the shipped
/// model of the text's language, when there is one, gives the verdict. A rule's verdict stands and a language the
/// lexicon cannot read stays unclassified; a language without a model keeps the lexicon's verdict.
/// </summary>
public sealed class BuiltInCriticClassifier(LexiconCriticClassifier lexicon, IReadOnlyList<ILanguageCriticModel> models) : ICriticClassifier
{
    private readonly Dictionary<string, ILanguageCriticModel> _models = models.ToDictionary(m => m.Language, StringComparer.Ordinal);

    /// <summary>The name a shipped model's verdicts carry.</summary>
    public const string ModelDetectorName = "model";

    /// <summary>The word-list detector the language models refine.</summary>
    public LexiconCriticClassifier Lexicon => lexicon;

    /// <summary>The languages a shipped model judges.</summary>
    public IReadOnlyCollection<string> ModelLanguages => _models.Keys;

    /// <summary>"model" when a shipped model judges some language, else "lexicon"; each verdict names its own.</summary>
    public string Name => _models.Count > 0 ? ModelDetectorName : LexiconCriticClassifier.DetectorName;

    /// <summary>The word lists' version and the languages its models judge (the models ship in the same assembly).</summary>
    public string Version => lexicon.Version + string.Concat(models.Select(m => "+" + m.Version));

    /// <summary>The shipped models, one per language they judge.</summary>
    public IReadOnlyCollection<ILanguageCriticModel> Models => _models.Values;

    /// <inheritdoc/>
    public CriticVerdict Classify(string text, string? languageHint = null)
    {
        var verdict = lexicon.Classify(text, languageHint);
        return Judged(verdict) is { } model ? model.Refine(text, verdict) : verdict;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var verdicts = texts.Select(t => lexicon.Classify(t, languageHint)).ToArray();
        foreach (var group in Enumerable.Range(0, texts.Count).Where(i => Judged(verdicts[i]) is not null).GroupBy(i => verdicts[i].Language, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = group.ToArray();
            var refined = _models[group.Key].Refine([.. indices.Select(i => texts[i])], [.. indices.Select(i => verdicts[i])], cancellationToken);
            for (var k = 0; k < indices.Length; k++)
            {
                verdicts[indices[k]] = refined[k];
            }
        }

        return Task.FromResult<IReadOnlyList<CriticVerdict>>(verdicts);
    }

    /// <summary>A shipped model's verdict: its probability as the score, the lexicon's cues and <c>model: 0.87</c>.</summary>
    internal static CriticVerdict ModelVerdict(CriticVerdict lexicon, double probability, double threshold)
    {
        var p = Math.Round(probability, 3);
        return new CriticVerdict(
            lexicon.Language,
            p >= threshold ? CriticLabel.Critical : CriticLabel.NotCritical,
            p,
            [.. lexicon.Cues, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"model: {p:0.00}")])
        {
            Detector = ModelDetectorName,
        };
    }

    private ILanguageCriticModel? Judged(CriticVerdict verdict) =>
        verdict.Label != CriticLabel.Unclassified && !verdict.Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal)) && _models.TryGetValue(verdict.Language, out var model)
            ? model
            : null;
}
