using System.ComponentModel.DataAnnotations;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.App.Configuration;

/// <summary><c>Critics</c>: which backend judges critics, and the brand's own rules that force a verdict.</summary>
internal sealed class CriticOptions : IValidatableObject
{
    public const string SectionName = "Critics";

    public const string BuiltIn = "builtin";

    /// <summary>The word lists alone: no model is loaded, verdicts cost microseconds (docs/DETECTION.md).</summary>
    public const string LexiconOnly = "lexicon";

    /// <summary>builtin (default: the word lists and the shipped models, needs nothing), lexicon, or azure-language (see <c>Critics:AzureLanguage</c>).</summary>
    public string Backend { get; set; } = BuiltIn;

    public List<CriticRuleOptions> Rules { get; set; } = [];

    public IReadOnlyList<CriticRule> ToRules() =>
        [.. Rules.Select(r => new CriticRule(r.Phrase.Trim(), ParseVerdict(r.Verdict)!.Value, string.IsNullOrWhiteSpace(r.Language) ? null : r.Language.Trim()))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend is not (BuiltIn or LexiconOnly or Connectors.AzureLanguage.AzureLanguageCriticDetector.BackendName))
        {
            yield return new ValidationResult($"Critics:Backend must be builtin, lexicon or azure-language, not '{Backend}'.");
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Rules[i].Phrase))
            {
                yield return new ValidationResult($"Critics:Rules:{i}: a rule needs a Phrase.");
            }

            if (ParseVerdict(Rules[i].Verdict) is null)
            {
                yield return new ValidationResult($"Critics:Rules:{i}: Verdict must be critical or not-critical, not '{Rules[i].Verdict}'.");
            }
        }
    }

    private static CriticLabel? ParseVerdict(string? verdict) => verdict?.Trim().ToLowerInvariant() switch
    {
        "critical" => CriticLabel.Critical,
        "not-critical" or "notcritical" or "not critical" => CriticLabel.NotCritical,
        _ => null,
    };
}
