namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// One language's cues, parsed from a lexicon file (<see cref="LexiconParser"/>). Entries are lower case without
/// accents: text is folded the same way before matching, because people often type without them.
/// </summary>
public sealed class CueLexicon
{
    private readonly Dictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    /// <summary>A language's word list, as <see cref="BuiltInLexicons"/> reads it from its resource.</summary>
    public CueLexicon(
        string language,
        double threshold,
        IReadOnlySet<string> stopWords,
        IReadOnlyDictionary<string, Cue> words,
        IReadOnlyDictionary<string, Cue> externalWords,
        Dictionary<string, Cue> stems,
        IReadOnlyList<CuePhrase> phrases,
        IReadOnlyList<KeyValuePair<string, Cue>> infixes,
        IReadOnlySet<string> negations,
        IReadOnlySet<string> intensifiers,
        IReadOnlySet<string> diminishers,
        IReadOnlySet<string> contrasts,
        bool negationFollows)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(phrases);
        Language = language;
        Threshold = threshold;
        StopWords = stopWords;
        Words = words;
        ExternalWords = externalWords;
        Stems = stems;
        _stemLookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        MinStemLength = stems.Count == 0 ? int.MaxValue : stems.Keys.Min(k => k.Length);
        Phrases = phrases;
        Infixes = infixes;
        PhrasesByFirstWord = phrases
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CuePhrase>)[.. g.OrderByDescending(p => p.Words.Count)], StringComparer.Ordinal);
        Negations = negations;
        Intensifiers = intensifiers;
        Diminishers = diminishers;
        Contrasts = contrasts;
        NegationFollows = negationFollows;
    }

    /// <summary>The language's code (<c>en</c>, <c>es</c> ...).</summary>
    public string Language { get; }

    /// <summary>A score at or above this is critical.</summary>
    public double Threshold { get; }

    /// <summary>Words that carry no signal and are skipped.</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <summary>Single-word cues by their exact form.</summary>
    public IReadOnlyDictionary<string, Cue> Words { get; }

    /// <summary>A general sentiment lexicon under the language's own entries (VADER for English): consulted after them.</summary>
    public IReadOnlyDictionary<string, Cue> ExternalWords { get; }

    /// <summary>Cues matched on a word's beginning, for inflected forms.</summary>
    public IReadOnlyDictionary<string, Cue> Stems { get; }

    /// <summary>The shortest word a stem cue may match.</summary>
    public int MinStemLength { get; }

    /// <summary>Multi-word cues.</summary>
    public IReadOnlyList<CuePhrase> Phrases { get; }

    /// <summary>Parts of compound words ("~ausfall" finds Zugausfall, Totalausfall), for languages that glue words together.</summary>
    public IReadOnlyList<KeyValuePair<string, Cue>> Infixes { get; }

    /// <summary>Multi-word cues by their first word, so a text is scanned once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CuePhrase>> PhrasesByFirstWord { get; }

    /// <summary>Words that negate the cue after them.</summary>
    public IReadOnlySet<string> Negations { get; }

    /// <summary>Words that strengthen the cue after them.</summary>
    public IReadOnlySet<string> Intensifiers { get; }

    /// <summary>Words that weaken the cue after them.</summary>
    public IReadOnlySet<string> Diminishers { get; }

    /// <summary>Words after which the clause that follows outweighs the one before ("but").</summary>
    public IReadOnlySet<string> Contrasts { get; }

    /// <summary>German puts "nicht" after the verb: "funktioniert nicht", "gefällt mir nicht".</summary>
    public bool NegationFollows { get; }

    /// <summary>How much a word says the text is in this language: 1 for an own entry, 0.5 for an own stem, else 0.</summary>
    public double LanguageEvidence(string word)
    {
        if (Words.ContainsKey(word))
        {
            return 1;
        }

        for (var length = word.Length; length >= Math.Max(MinStemLength, 4); length--)
        {
            if (_stemLookup.ContainsKey(word.AsSpan(0, length)))
            {
                return 0.5;
            }
        }

        return 0;
    }

    /// <summary>The cue for a word: an own exact entry, else the longest own stem it starts with, else the external lexicon, else a compound part it contains.</summary>
    public bool TryGetCue(string word, out Cue cue, out string matched)
    {
        if (Words.TryGetValue(word, out cue))
        {
            matched = word;
            return true;
        }

        for (var length = word.Length; length >= MinStemLength; length--)
        {
            if (_stemLookup.TryGetValue(word.AsSpan(0, length), out cue))
            {
                matched = word[..length] + "*";
                return true;
            }
        }

        if (ExternalWords.TryGetValue(word, out cue))
        {
            matched = word;
            return true;
        }

        foreach (var (infix, infixCue) in Infixes)
        {
            if (word.Length > infix.Length + 2 && word.Contains(infix, StringComparison.Ordinal))
            {
                cue = infixCue;
                matched = "~" + infix;
                return true;
            }
        }

        matched = "";
        return false;
    }
}
