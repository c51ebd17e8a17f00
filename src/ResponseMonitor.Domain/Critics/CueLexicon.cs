namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// One language's cues, written for this project (no third-party list). Entries are lower case without accents:
/// text is folded the same way before matching, because people often type without them.
/// </summary>
public sealed record CueLexicon(
    string Language,
    IReadOnlySet<string> StopWords,
    IReadOnlyList<string> ComplaintPhrases,
    IReadOnlySet<string> ComplaintWords,
    IReadOnlySet<string> NegativeWords,
    IReadOnlySet<string> PositiveWords,
    IReadOnlySet<string> Negations,
    IReadOnlySet<string> Intensifiers,
    bool NegationFollows = false);
