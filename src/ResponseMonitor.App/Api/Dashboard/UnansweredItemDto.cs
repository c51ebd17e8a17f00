namespace ResponseMonitor.App.Api.Dashboard;

internal sealed record UnansweredItemDto(
    string ChannelId,
    string Id,
    string? ParentId,
    string ThreadId,
    string AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    double AgeSeconds,
    double BusinessAgeSeconds,
    string Text,
    string? Url,
    bool Critical,
    string CriticLabel,
    double CriticScore,
    string Language,
    IReadOnlyList<string> Cues)
{
    /// <summary>Which detector judged the comment: lexicon, model, brand-model or azure-language.</summary>
    public string CriticDetector { get; init; } = Domain.Critics.LexiconCriticClassifier.DetectorName;

    /// <summary>When the comment breaches its first rule (docs/WARNINGS.md): the critic threshold or the response target.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The rule <see cref="DueAt"/> belongs to: <c>critic-ignored</c> or <c>response-target</c>.</summary>
    public string? DueRule { get; init; }

    /// <summary>Seconds from now to <see cref="DueAt"/>; negative once breached.</summary>
    public double? DueInSeconds { get; init; }
}
