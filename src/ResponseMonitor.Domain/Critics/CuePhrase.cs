namespace ResponseMonitor.Domain.Critics;

/// <summary>A phrase of several words, matched on whole words; its words are not scored again on their own.</summary>
public sealed record CuePhrase(string Text, IReadOnlyList<string> Words, double Weight);
