using System.ComponentModel.DataAnnotations;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// <c>Monitor:Exclusions</c> (the brand's) and <c>Monitor:Channels:N:Exclusions</c> (a channel's): which messages need
/// no answer. A setting the channel leaves out comes from the brand, then from the defaults.
/// </summary>
internal sealed class ExclusionOptions
{
    /// <summary>Reasons in force: thanks, emoji-only, acknowledgement, spam, brand-self-reply, automation. All when not set; empty switches all off.</summary>
    public List<string>? Enabled { get; set; }

    public List<string>? NoAnswerPhrases { get; set; }

    public List<string>? SpamPhrases { get; set; }

    [Range(1, 100)]
    public int? SpamLinkCount { get; set; }

    [Range(1, 50)]
    public int? MaxThanksWords { get; set; }

    public List<string>? AutomationAuthorIds { get; set; }

    public List<string>? AutomationMarkers { get; set; }

    public IEnumerable<string> Problems()
    {
        foreach (var name in Enabled ?? [])
        {
            if (!ExclusionReasonNames.TryParse(name, out var reason) || reason == ExclusionReason.Handled)
            {
                yield return $"Exclusions:Enabled: unknown reason '{name}'; known reasons are {string.Join(", ", ExclusionReasonNames.All.Where(n => n != "handled"))} (\"handled\" is a person's mark, not a rule).";
            }
        }
    }

    /// <summary>The rules in force for a channel: its own settings over the brand's over the defaults.</summary>
    public static ExclusionRules Resolve(ExclusionOptions? brand, ExclusionOptions? channel)
    {
        var defaults = ExclusionRules.Default;
        var enabled = channel?.Enabled ?? brand?.Enabled;
        return new ExclusionRules
        {
            Enabled = enabled is null
                ? defaults.Enabled
                : enabled.Select(n => ExclusionReasonNames.TryParse(n, out var r) ? r : (ExclusionReason?)null).OfType<ExclusionReason>().ToHashSet(),
            NoAnswerPhrases = channel?.NoAnswerPhrases ?? brand?.NoAnswerPhrases ?? [],
            SpamPhrases = channel?.SpamPhrases ?? brand?.SpamPhrases ?? [],
            SpamLinkCount = channel?.SpamLinkCount ?? brand?.SpamLinkCount ?? defaults.SpamLinkCount,
            MaxThanksWords = channel?.MaxThanksWords ?? brand?.MaxThanksWords ?? defaults.MaxThanksWords,
            AutomationAuthorIds = (channel?.AutomationAuthorIds ?? brand?.AutomationAuthorIds ?? []).ToHashSet(StringComparer.Ordinal),
            AutomationMarkers = channel?.AutomationMarkers ?? brand?.AutomationMarkers ?? [],
        };
    }
}
