using System.Globalization;
using System.Text;

namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// The built-in critic detector: guesses the language from stop words, then scores complaint phrases and words,
/// negative and positive words (a negated positive counts against the brand), intensifiers, shouting and emoji.
/// A text scoring at least <see cref="Threshold"/> is critical. Deterministic and allocation-light.
/// </summary>
public sealed class LexiconCriticClassifier(IReadOnlyList<CueLexicon> lexicons) : ICriticClassifier
{
    public const double Threshold = 1.0;

    private static readonly string[] NegativeEmoji = ["😡", "🤬", "😠", "👎", "😤", "💩", "😒", "🙄", "😞", "😢", "😭"];
    private static readonly string[] PositiveEmoji = ["😊", "😀", "😃", "😍", "❤", "👍", "🙏", "🥰", "👏", "🎉", "😁"];

    public LexiconCriticClassifier()
        : this(BuiltInLexicons.All)
    {
    }

    public CriticVerdict Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var tokens = Tokenize(folded);
        var lexicon = GuessLanguage(tokens);
        var cues = new List<string>();
        var score = ScoreEmoji(text, cues) + ScoreShape(text, cues);

        if (lexicon is null)
        {
            // Emoji speak every language; words we cannot read do not.
            return score >= Threshold
                ? new CriticVerdict("und", CriticLabel.Critical, score, cues)
                : new CriticVerdict("und", CriticLabel.Unclassified, score, cues);
        }

        var padded = " " + string.Join(' ', tokens) + " ";
        foreach (var phrase in lexicon.ComplaintPhrases)
        {
            if (padded.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                score += 1.5;
                cues.Add("complaint:" + phrase);
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var weight = 1.0;
            if (i > 0 && lexicon.Intensifiers.Contains(tokens[i - 1]))
            {
                weight = 1.5;
            }

            var negated = IsNegated(tokens, i, lexicon);
            if (lexicon.ComplaintWords.Contains(token))
            {
                score += 1.0 * weight;
                cues.Add("complaint:" + token);
            }
            else if (lexicon.NegativeWords.Contains(token) && !lexicon.Negations.Contains(token))
            {
                score += (negated ? -0.3 : 0.6) * weight;
                cues.Add((negated ? "negated-negative:" : "negative:") + token);
            }
            else if (lexicon.PositiveWords.Contains(token))
            {
                score += (negated ? 1.0 : -0.6) * weight;
                cues.Add((negated ? "negated-positive:" : "positive:") + token);
            }
        }

        score = Math.Round(score, 2);
        return new CriticVerdict(lexicon.Language, score >= Threshold ? CriticLabel.Critical : CriticLabel.NotCritical, score, cues);
    }

    private static bool IsNegated(List<string> tokens, int index, CueLexicon lexicon)
    {
        for (var j = Math.Max(0, index - 3); j < index; j++)
        {
            if (lexicon.Negations.Contains(tokens[j]))
            {
                return true;
            }
        }

        // German puts "nicht" after the verb: "funktioniert nicht", "gefällt mir nicht".
        if (lexicon.NegationFollows)
        {
            for (var j = index + 1; j < Math.Min(tokens.Count, index + 3); j++)
            {
                if (lexicon.Negations.Contains(tokens[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private CueLexicon? GuessLanguage(List<string> tokens)
    {
        CueLexicon? best = null;
        var bestHits = 0;
        foreach (var lexicon in lexicons)
        {
            var hits = 0;
            foreach (var token in tokens)
            {
                if (lexicon.StopWords.Contains(token))
                {
                    hits += 2;
                }
                else if (lexicon.ComplaintWords.Contains(token) || lexicon.NegativeWords.Contains(token) || lexicon.PositiveWords.Contains(token))
                {
                    hits += 1;
                }
            }

            if (hits > bestHits)
            {
                best = lexicon;
                bestHits = hits;
            }
        }

        return best;
    }

    private static double ScoreEmoji(string text, List<string> cues)
    {
        var score = 0.0;
        foreach (var emoji in NegativeEmoji)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                score += 0.8;
                cues.Add("emoji:" + emoji);
            }
        }

        foreach (var emoji in PositiveEmoji)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                score -= 0.5;
                cues.Add("emoji:" + emoji);
            }
        }

        return score;
    }

    private static double ScoreShape(string text, List<string> cues)
    {
        var score = 0.0;
        if (text.Contains("!!", StringComparison.Ordinal) || text.Contains("?!", StringComparison.Ordinal))
        {
            score += 0.3;
            cues.Add("shape:repeated-punctuation");
        }

        var shouted = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.Length >= 4 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Any(char.IsLetter));
        if (shouted >= 2)
        {
            score += 0.4;
            cues.Add("shape:shouting");
        }

        return score;
    }

    /// <summary>Lower case, accents removed (ü → u, ñ → n), ß → ss, curly apostrophes straightened.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('’', '\'').Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<string> Tokenize(string folded)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && (char.IsLetterOrDigit(folded[i]) || (folded[i] == '\'' && start >= 0) || (folded[i] == '-' && start >= 0));
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(folded[start..i].Trim('\'', '-'));
                start = -1;
            }
        }

        return tokens;
    }
}
