namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// Tells critics from the rest. Local classifiers (the lexicon, the shipped models, a brand's own model) answer text by
/// text; a remote one (Azure AI Language) answers in batches and costs a call, so the analysis asks it only about what
/// is new. Each verdict names the detector that gave it (<see cref="CriticVerdict.Detector"/>).
/// </summary>
public interface ICriticClassifier
{
    /// <summary>The detector's name as the API reports it: lexicon, model, brand-model, azure-language.</summary>
    string Name { get; }

    /// <summary>
    /// What a verdict kept with an item is stamped with: changes whenever the same text could be judged differently
    /// (new word lists or models, a brand's new model, new rules), so that stored verdicts are judged again.
    /// </summary>
    string Version => Name;

    /// <summary>Whether verdicts cost a remote call; the analysis then asks only about what it has not judged yet.</summary>
    bool IsRemote => false;

    /// <summary>
    /// Classifies a text written, most likely, in <paramref name="languageHint"/> (the channel's language): the hint breaks
    /// ties and rescues short texts with no telling words; clear evidence of another language still wins. A remote
    /// classifier answers here with its local fallback.
    /// </summary>
    CriticVerdict Classify(string text, string? languageHint = null);

    /// <summary>Classifies a batch, in order; a remote classifier that fails answers with its local verdicts.</summary>
    Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        IReadOnlyList<CriticVerdict> verdicts = [.. texts.Select(t => Classify(t, languageHint))];
        return Task.FromResult(verdicts);
    }
}
