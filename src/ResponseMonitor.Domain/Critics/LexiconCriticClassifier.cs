using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// The built-in critic detector. Guesses the language from stop words, then adds up cues: phrases first (their words
/// are not scored again), then complaint words (which stay complaints when negated: "no refund") and sentiment words
/// (which flip: "not good"), weighted by intensifiers, diminishers and a contrast ("…, but"), plus emoji, emoticons,
/// shouting and sarcasm markers. Praise next to a complaint counts less: it is usually politeness or sarcasm.
/// A brand's rules come first and force the verdict. Deterministic, local, no allocation per lexicon entry.
/// Weights and the measured quality: docs/DETECTION.md.
/// </summary>
public sealed class LexiconCriticClassifier(IReadOnlyList<CueLexicon> lexicons, IReadOnlyList<CriticRule> rules) : ICriticClassifier
{
    /// <summary>The score emoji alone need to call a text in an unknown language critical.</summary>
    public const double EmojiThreshold = 1.0;

    /// <summary>Words beyond which a text's score is scaled down in proportion to its length.</summary>
    public const int LongText = 30;

    /// <summary>What a bare negation adds.</summary>
    public const double NegationWeight = 0.25;

    private static readonly (string Emoji, double Weight)[] Emoji =
    [
        ("😡", 1.0), ("🤬", 1.2), ("😠", 1.0), ("👎", 1.0), ("😤", 0.8), ("💩", 0.8), ("😒", 0.6), ("🙄", 0.6), ("😞", 0.6), ("😢", 0.5),
        ("😭", 0.5), ("😩", 0.6), ("😫", 0.6), ("😖", 0.6), ("😣", 0.5), ("😑", 0.4), ("🤦", 0.8), ("💔", 0.6), ("☹", 0.7), ("🙁", 0.6),
        ("😕", 0.5), ("😟", 0.4), ("😔", 0.5), ("😐", 0.2),
        ("😊", -0.5), ("😀", -0.5), ("😃", -0.5), ("😄", -0.5), ("😁", -0.5), ("😍", -0.8), ("❤", -0.7), ("♥", -0.6), ("💕", -0.6),
        ("💙", -0.6), ("👍", -0.5), ("🙏", -0.3), ("🥰", -0.8), ("👏", -0.6), ("🎉", -0.6), ("😘", -0.6), ("😉", -0.3), ("🙌", -0.6),
        ("✨", -0.3), ("☺", -0.5), ("🤗", -0.6), ("💪", -0.4), ("😎", -0.4),
    ];

    private static readonly (string Emoticon, double Weight)[] Emoticons =
    [
        (":(", 0.8), (":-(", 0.8), (":((", 1.0), (":/", 0.5), (":-/", 0.5), (">:(", 1.0), (":'(", 0.6), ("d:", 0.4), ("-_-", 0.6),
        (":)", -0.5), (":-)", -0.5), (":d", -0.5), (";)", -0.3), ("<3", -0.6), ("(:", -0.4),
    ];

    /// <summary>What a waiting time ("42 days", "3 Stunden") adds: stated plainly, it is a complaint about the wait.</summary>
    public const double DurationWeight = 0.6;

    /// <summary>What a report's score counts (no first or second person, and a headline's capitals).</summary>
    public const double ReportFactor = 0.25;

    /// <summary>Units of waiting time in the languages read in depth.</summary>
    private static readonly HashSet<string> DurationUnits = new(StringComparer.Ordinal)
    {
        "hours", "hrs", "days", "weeks", "months", "horas", "dias", "semanas", "meses", "stunden", "std", "tage", "tagen", "wochen", "monate", "monaten",
    };

    /// <summary>First and second person: a customer speaks to the brand about themselves; a news report does neither.</summary>
    private static readonly Dictionary<string, HashSet<string>> PersonWords = new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal) { "i", "im", "ive", "id", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "youre", "u", "ur", "pls", "please" },
        ["es"] = new(StringComparer.Ordinal) { "yo", "me", "mi", "mis", "nos", "nuestro", "nuestra", "te", "tu", "tus", "usted", "ustedes", "os", "vuestro", "vuestra" },
        ["de"] = new(StringComparer.Ordinal) { "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser", "unsere", "du", "dich", "dir", "dein", "deine", "ihr", "euch", "euer", "bitte" },
    };

    private readonly CueLexicon[] _lexicons = [.. lexicons];
    private readonly (string[] Words, CriticRule Rule)[] _rules = [.. rules.Select(r => (TextFolding.Tokenize(TextFolding.Fold(r.Phrase)).ToArray(), r)).Where(r => r.Item1.Length > 0)];

    /// <summary>A detector over the shipped word lists and default rules.</summary>
    public LexiconCriticClassifier()
        : this(BuiltInLexicons.All, [])
    {
    }

    /// <summary>The name its verdicts carry.</summary>
    public const string DetectorName = "lexicon";

    /// <inheritdoc/>
    public string Name => DetectorName;

    /// <summary>
    /// The build of the word lists and of this code (the Domain assembly's module id: deterministic builds give the same
    /// id for the same sources and lexicon files), the lexicons given, and the brand's rules.
    /// </summary>
    public string Version { get; } = VersionOf(lexicons, rules);

    /// <inheritdoc/>
    public CriticVerdict Classify(string text, string? languageHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TextFolding.Tokenize(TextFolding.Fold(text));
        var lexicon = GuessLanguage(tokens, text, languageHint);
        var language = lexicon?.Language ?? "und";
        var cues = new List<string>();

        if (MatchRule(tokens, language) is { } rule)
        {
            cues.Add("rule:" + rule.Phrase);
            return new CriticVerdict(language, rule.Verdict, rule.Verdict == CriticLabel.Critical ? 10 : -10, cues);
        }

        var symbols = ScoreSymbols(text, cues);
        if (lexicon is null)
        {
            // Emoji speak every language; words we cannot read do not.
            var label = symbols >= EmojiThreshold ? CriticLabel.Critical : CriticLabel.Unclassified;
            return new CriticVerdict(language, label, Math.Round(symbols, 2), cues);
        }

        var score = symbols + ScoreWords(tokens, lexicon, cues) + ScoreShape(text, cues) + ScoreDuration(tokens, cues);

        // A news report ("Killer arrested after …") names bad things without complaining to anyone: it counts for less.
        if (score > 0 && IsReport(text, tokens, lexicon.Language))
        {
            score *= ReportFactor;
            cues.Add("shape:report");
        }

        // A long text (a forum post, a news item) collects cues by sheer length: its score is scaled to a comment's length.
        if (tokens.Count > LongText)
        {
            score /= (double)tokens.Count / LongText;
        }

        score = Math.Round(score, 2);
        return new CriticVerdict(lexicon.Language, score >= lexicon.Threshold ? CriticLabel.Critical : CriticLabel.NotCritical, score, cues);
    }

    private CriticRule? MatchRule(List<string> tokens, string language)
    {
        foreach (var (words, rule) in _rules)
        {
            if ((rule.Language is null || string.Equals(rule.Language, language, StringComparison.OrdinalIgnoreCase)) && IndexOf(tokens, words, 0, null) >= 0)
            {
                return rule;
            }
        }

        return null;
    }

    private static double ScoreWords(List<string> tokens, CueLexicon lexicon, List<string> cues)
    {
        var consumed = new bool[tokens.Count];
        double complaint = 0, praise = 0, other = 0;

        // Phrases first, longest first at each position.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (consumed[i] || !lexicon.PhrasesByFirstWord.TryGetValue(tokens[i], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (i + phrase.Words.Count > tokens.Count || !Matches(tokens, i, phrase.Words, consumed))
                {
                    continue;
                }

                for (var k = 0; k < phrase.Words.Count; k++)
                {
                    consumed[i + k] = true;
                }

                if (phrase.Weight != 0)
                {
                    Add(phrase.Weight * Intensity(tokens, i, lexicon), "phrase:" + phrase.Text, isComplaint: true);
                }

                break;
            }
        }

        // A denial with nothing else to go on still leans critical: "it does not load", "no me llegó". A bare "No"
        // (an answer, with nothing denied) does not.
        var denies = tokens.Where((t, i) => !consumed[i] && !lexicon.Negations.Contains(t) && !lexicon.StopWords.Contains(t)).Any();
        for (var i = 0; i < tokens.Count && denies; i++)
        {
            if (!consumed[i] && lexicon.Negations.Contains(tokens[i]))
            {
                Add(NegationWeight, "negation:" + tokens[i], isComplaint: false);
                break;
            }
        }

        var contrast = -1;
        for (var i = tokens.Count - 1; i > 0; i--)
        {
            if (lexicon.Contrasts.Contains(tokens[i]))
            {
                contrast = i;
                break;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (consumed[i] || lexicon.Negations.Contains(token) || lexicon.Intensifiers.Contains(token) || lexicon.Contrasts.Contains(token)
                || !lexicon.TryGetCue(token, out var cue, out var matched) || cue.Weight == 0)
            {
                // Weight 0 silences a word the VADER list scores ("play", "credit"): it is no cue at all.
                continue;
            }

            var weight = cue.Weight * Intensity(tokens, i, lexicon);
            if (contrast >= 0)
            {
                // "Nice staff, but the flight was a mess": what follows the contrast is what the writer means.
                weight *= i < contrast ? 0.5 : 1.3;
            }

            if (cue.Kind == CueKind.Sentiment && IsNegated(tokens, i, lexicon))
            {
                weight = weight < 0 ? -weight * 0.9 : -weight * 0.3;
                Add(weight, "negated:" + matched, isComplaint: false);
                continue;
            }

            Add(weight, (cue.Kind == CueKind.Complaint ? "complaint:" : weight > 0 ? "negative:" : "positive:") + matched, cue.Kind == CueKind.Complaint);
        }

        // Praise beside a complaint is politeness or sarcasm ("thanks for the 4 hour delay"): it counts for less.
        if (complaint >= 1.0 && praise < 0)
        {
            praise *= 0.4;
        }

        return complaint + praise + other;

        void Add(double weight, string cueName, bool isComplaint)
        {
            cues.Add(cueName);
            if (weight < 0)
            {
                praise += weight;
            }
            else if (isComplaint)
            {
                complaint += weight;
            }
            else
            {
                other += weight;
            }
        }
    }

    private static bool Matches(List<string> tokens, int start, IReadOnlyList<string> words, bool[]? consumed)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if ((consumed is not null && consumed[start + k]) || !string.Equals(tokens[start + k], words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(List<string> tokens, string[] words, int from, bool[]? consumed)
    {
        for (var i = from; i + words.Length <= tokens.Count; i++)
        {
            if (Matches(tokens, i, words, consumed))
            {
                return i;
            }
        }

        return -1;
    }

    private static double Intensity(List<string> tokens, int index, CueLexicon lexicon)
    {
        for (var j = Math.Max(0, index - 2); j < index; j++)
        {
            if (lexicon.Intensifiers.Contains(tokens[j]))
            {
                return 1.4;
            }

            if (lexicon.Diminishers.Contains(tokens[j]))
            {
                return 0.6;
            }
        }

        return 1.0;
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

    private CueLexicon? GuessLanguage(List<string> tokens, string raw, string? hint)
    {
        CueLexicon? best = null;
        var bestHits = 0.0;
        foreach (var lexicon in _lexicons)
        {
            // The hinted language starts with the weight of one stop word.
            var hits = Letters(raw, lexicon.Language) + (string.Equals(lexicon.Language, hint, StringComparison.OrdinalIgnoreCase) ? 1.5 : 0);
            foreach (var token in tokens)
            {
                if (lexicon.StopWords.Contains(token) || lexicon.Negations.Contains(token))
                {
                    hits += 2;
                }
                else if (lexicon.LanguageEvidence(token) is > 0 and var evidence)
                {
                    hits += evidence;
                }
                else if (lexicon.PhrasesByFirstWord.ContainsKey(token))
                {
                    hits += 0.5;
                }
            }

            if (hits > bestHits)
            {
                best = lexicon;
                bestHits = hits;
            }
        }

        return bestHits >= 1 ? best : null;
    }

    /// <summary>Letters only one of the languages uses are some evidence in short texts (Finnish has ä too, so never enough alone).</summary>
    private static double Letters(string raw, string language)
    {
        var marks = language switch
        {
            "es" => "ñ¿¡",
            "de" => "äöüß",
            "pt" => "ãõ",
            "fr" => "èêç",
            "it" => "ìò",
            _ => "",
        };
        var hits = 0.0;
        foreach (var c in marks)
        {
            if (raw.Contains(c, StringComparison.OrdinalIgnoreCase))
            {
                hits += 0.5;
            }
        }

        return hits;
    }

    private static double ScoreSymbols(string text, List<string> cues)
    {
        var score = 0.0;
        foreach (var (emoji, weight) in Emoji)
        {
            if (text.Contains(emoji, StringComparison.Ordinal))
            {
                score += weight;
                cues.Add("emoji:" + emoji);
            }
        }

        foreach (var word in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.ToLowerInvariant();
            foreach (var (emoticon, weight) in Emoticons)
            {
                if (string.Equals(lower, emoticon, StringComparison.Ordinal))
                {
                    score += weight;
                    cues.Add("emoticon:" + emoticon);
                }
            }
        }

        return score;
    }

    /// <summary>A number and a unit of time ("42 days", "3 Stunden"): customers state how long they have waited.</summary>
    private static double ScoreDuration(List<string> tokens, List<string> cues)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Length is > 0 and <= 4 && tokens[i].All(char.IsAsciiDigit) && DurationUnits.Contains(tokens[i + 1]))
            {
                cues.Add("duration:" + tokens[i] + " " + tokens[i + 1]);
                return DurationWeight;
            }
        }

        return 0;
    }

    /// <summary>
    /// Neither first nor second person, and a headline's capitalised words: a report, not a complaint. A link alone is
    /// not enough: customers share news about the brand to criticise it. German capitalises every noun, so its
    /// headlines cannot be told this way.
    /// </summary>
    private static bool IsReport(string text, List<string> tokens, string language)
    {
        if (tokens.Count < 5 || !PersonWords.TryGetValue(language, out var persons) || tokens.Any(persons.Contains))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        return language != "de" && words.Count >= 4 && words.Count(w => char.IsUpper(w[0])) >= 0.75 * words.Count;
    }

    private static double ScoreShape(string text, List<string> cues)
    {
        var score = 0.0;
        if (text.Contains("!!", StringComparison.Ordinal) || text.Contains("?!", StringComparison.Ordinal) || text.Contains("??", StringComparison.Ordinal))
        {
            score += 0.2;
            cues.Add("shape:repeated-punctuation");
        }

        var shouted = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.Length >= 4 && !w.StartsWith('@') && !w.StartsWith('#') && w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Any(char.IsLetter));
        if (shouted >= 2)
        {
            score += 0.4;
            cues.Add("shape:shouting");
        }

        if (text.Contains(" /s", StringComparison.Ordinal) || text.Contains("#sarcasm", StringComparison.OrdinalIgnoreCase) || text.Contains("#not", StringComparison.OrdinalIgnoreCase))
        {
            score += 1.0;
            cues.Add("sarcasm:marker");
        }

        return score;
    }

    private static string VersionOf(IReadOnlyList<CueLexicon> lexicons, IReadOnlyList<CriticRule> rules)
    {
        var build = typeof(LexiconCriticClassifier).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var given = ReferenceEquals(lexicons, BuiltInLexicons.All) ? "" : "+" + string.Join(',', lexicons.Select(l => l.Language));
        var ruled = rules.Count == 0 ? "" : "+rules:" + Verdicts.StoredVerdict.HashOf(string.Join('\n', rules.Select(r => $"{r.Phrase}\t{r.Verdict}\t{r.Language}")));
        return $"{DetectorName}:{build}{given}{ruled}";
    }
}
