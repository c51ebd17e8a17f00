using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// Decides whether a public message needs no answer: a short thank-you, emoji only, a closing acknowledgement, or
/// obvious spam. Deliberately conservative: a message with a question mark, a "but", or that the critic detector
/// calls critical ("thanks for nothing") always counts. Rules: docs/METRICS.md, "Exclusions".
/// </summary>
internal static class ExclusionDetector
{
    private static readonly HashSet<string> ThanksWords = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "thx", "thnx", "ty", "tysm", "tyvm", "cheers",
        "gracias", "agradecido", "agradecida",
        "danke", "dankeschon", "dank", "merci", "obrigado", "obrigada", "grazie",
    };

    // A contrast or a lingering problem turns a thank-you into a message that wants an answer.
    private static readonly HashSet<string> ContrastWords = new(StringComparer.Ordinal)
    {
        "but", "however", "still", "why", "pero", "todavia", "aun", "aber", "trotzdem", "noch", "warum",
        "mais", "toujours", "pourquoi", "mas", "ainda", "ma", "ancora", "perche",
    };

    private static readonly HashSet<string> Acknowledgements = new(StringComparer.Ordinal)
    {
        "ok", "okay", "okey", "oki", "k", "kk", "got it", "perfect", "great", "cool", "noted", "sounds good", "will do", "done", "fine", "all good",
        "vale", "perfecto", "de acuerdo", "genial", "entendido", "listo", "ok vale",
        "alles klar", "super", "passt", "verstanden", "in ordnung", "gut",
        "d accord", "daccord", "parfait", "entendu", "otimo", "perfeito", "beleza", "certo", "va bene", "perfetto", "capito",
    };

    // Each channel's phrase lists, folded once rather than for every message.
    private static readonly ConditionalWeakTable<ExclusionRules, FoldedPhrases> Folded = new();

    private static readonly string[] BuiltInSpamPhrases =
    [
        "check my profile", "check out my profile", "visit my profile", "follow me back", "follow for follow", "free followers", "buy followers",
        "cheap followers", "dm me for", "click the link in my bio", "make money from home", "earn money fast", "crypto investment",
        "bitcoin investment", "forex trading", "whatsapp me", "sigueme y te sigo", "gana dinero", "folge mir zuruck", "geld verdienen von zu hause",
    ];

    /// <param name="item">A public message (not the brand's).</param>
    /// <param name="rules">The channel's rules.</param>
    /// <param name="isCritical">The critic detector, so that sarcasm like "thanks for nothing" is never excluded.</param>
    public static ExclusionReason? ClassifyPublic(ContentItem item, ExclusionRules rules, Func<string, bool> isCritical)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(isCritical);
        var text = item.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An image or a sticker with no text may well be a complaint: it counts.
            return null;
        }

        var words = Words(text);
        var phrases = Folded.GetValue(rules, FoldedPhrases.Of);
        if (rules.IsEnabled(ExclusionReason.Spam) && IsSpam(text, words, rules, phrases))
        {
            return ExclusionReason.Spam;
        }

        if (words.Count == 0)
        {
            // "😡👎" is a critic, not a reaction.
            return rules.IsEnabled(ExclusionReason.EmojiOnly) && HasEmoji(text) && !isCritical(text) ? ExclusionReason.EmojiOnly : null;
        }

        if (text.Contains('?', StringComparison.Ordinal) || text.Contains('¿', StringComparison.Ordinal) || words.Any(ContrastWords.Contains))
        {
            return null;
        }

        var joined = string.Join(' ', words);
        if (rules.IsEnabled(ExclusionReason.Acknowledgement)
            && (Acknowledgements.Contains(joined) || phrases.NoAnswer.Contains(joined)))
        {
            return ExclusionReason.Acknowledgement;
        }

        if (rules.IsEnabled(ExclusionReason.Thanks) && words.Count <= rules.MaxThanksWords && words.Any(ThanksWords.Contains) && !isCritical(text))
        {
            return ExclusionReason.Thanks;
        }

        return null;
    }

    /// <summary>True when a brand item is one of its automated replies.</summary>
    public static bool IsAutomation(ContentItem item, ExclusionRules rules)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rules);
        return rules.IsEnabled(ExclusionReason.Automation)
            && (rules.AutomationAuthorIds.Contains(item.AuthorId)
                || rules.AutomationMarkers.Any(m => m.Length > 0 && item.Text.Contains(m, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsSpam(string text, List<string> words, ExclusionRules rules, FoldedPhrases phrases)
    {
        var links = Count(text, "http://") + Count(text, "https://") + Count(text, "www.");
        if (links >= rules.SpamLinkCount)
        {
            return true;
        }

        var padded = " " + string.Join(' ', words) + " ";
        return phrases.Spam.Any(p => padded.Contains(p, StringComparison.Ordinal));
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    /// <summary>Folded words (lower case, no accents, no mentions or links), as the critic detector sees them.</summary>
    private static List<string> Words(string text) => TextFolding.Tokenize(TextFolding.Fold(text));

    /// <summary>A channel's phrases as folded words: no-answer phrases whole, spam phrases padded with spaces for whole-word search.</summary>
    private sealed record FoldedPhrases(IReadOnlySet<string> NoAnswer, IReadOnlyList<string> Spam)
    {
        public static FoldedPhrases Of(ExclusionRules rules) => new(
            rules.NoAnswerPhrases.Select(p => string.Join(' ', Words(p))).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal),
            [.. BuiltInSpamPhrases.Concat(rules.SpamPhrases).Select(p => string.Join(' ', Words(p))).Where(p => p.Length > 0).Select(p => " " + p + " ")]);
    }

    private static bool HasEmoji(string text) =>
        text.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) is UnicodeCategory.OtherSymbol);
}
