namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// The configured critic backend, in batches: the built-in detector by default, or a remote service such as Azure AI
/// Language. A remote backend that fails answers with the built-in verdicts, so a verdict is always there.
/// </summary>
public interface ICriticDetector
{
    /// <summary>The backend's name as the API reports it (builtin, azure-language).</summary>
    string Name { get; }

    /// <summary>Whether verdicts cost a remote call; the analysis then classifies only what is new.</summary>
    bool IsRemote { get; }

    Task<IReadOnlyList<CriticVerdict>> ClassifyAsync(IReadOnlyList<string> texts, string? languageHint, CancellationToken cancellationToken);
}
