namespace ResponseMonitor.Domain.Critics;

/// <summary>The built-in lexicon detector as a backend: local, synchronous underneath.</summary>
public sealed class BuiltInCriticDetector(ICriticClassifier classifier) : ICriticDetector
{
    public const string BackendName = "builtin";

    public string Name => BackendName;

    public bool IsRemote => false;

    public Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        IReadOnlyList<CriticVerdict> verdicts = [.. texts.Select(t => classifier.Classify(t, languageHint))];
        return Task.FromResult(verdicts);
    }
}
