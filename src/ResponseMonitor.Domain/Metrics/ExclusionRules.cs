namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// Which messages the response clock leaves out, per channel. Every reason can be switched off; the phrase lists add
/// to the built-in ones. Defaults and matching: docs/METRICS.md, "Exclusions".
/// </summary>
public sealed record ExclusionRules
{
    /// <summary>The rules of a channel that sets none.</summary>
    public static readonly ExclusionRules Default = new();

    /// <summary>The exclusions applied; all but <see cref="ExclusionReason.Handled"/> unless configured.</summary>
    public IReadOnlySet<ExclusionReason> Enabled { get; init; } = Enum.GetValues<ExclusionReason>().Where(r => r != ExclusionReason.Handled).ToHashSet();

    /// <summary>Extra whole-message phrases that need no answer (compared after lower-casing and stripping punctuation and emoji).</summary>
    public IReadOnlyList<string> NoAnswerPhrases { get; init; } = [];

    /// <summary>Extra phrases that mark a message as spam wherever they appear.</summary>
    public IReadOnlyList<string> SpamPhrases { get; init; } = [];

    /// <summary>A message with at least this many links is spam.</summary>
    public int SpamLinkCount { get; init; } = 3;

    /// <summary>A thank-you longer than this many words is treated as a real message.</summary>
    public int MaxThanksWords { get; init; } = 8;

    /// <summary>Author ids of the brand's bots: their replies never stop the clock.</summary>
    public IReadOnlySet<string> AutomationAuthorIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Text the brand's automated replies carry (a signature such as "[auto]"), matched case-insensitively.</summary>
    public IReadOnlyList<string> AutomationMarkers { get; init; } = [];

    /// <summary>Whether the exclusion is applied.</summary>
    public bool IsEnabled(ExclusionReason reason) => Enabled.Contains(reason);
}
