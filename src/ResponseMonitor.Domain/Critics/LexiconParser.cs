using System.Globalization;

namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// Reads a lexicon file: <c>[section]</c> lines, then entries. Sections: language, threshold, negation-follows, stop,
/// negation, intensifier, diminisher, contrast (word lists), and complaint, negative, positive, phrase (one entry a
/// line: a word, a stem ending in <c>*</c>, a compound part starting with <c>~</c>, or a phrase, then an optional weight). <c>#</c> starts a comment.
/// </summary>
internal static class LexiconParser
{
    private static readonly Dictionary<string, double> DefaultWeights = new(StringComparer.Ordinal)
    {
        ["complaint"] = 1.0,
        ["negative"] = 0.6,
        ["positive"] = -0.6,
        ["phrase"] = 1.2,
    };

    /// <param name="text">The lexicon file.</param>
    /// <param name="sentiment">Extra sentiment words (word → weight) that the file's own entries override, e.g. VADER for English.</param>
    public static CueLexicon Parse(string text, IReadOnlyDictionary<string, double>? sentiment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? language = null;
        var threshold = 0.5;
        var negationFollows = false;
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["stop"] = new(StringComparer.Ordinal), ["negation"] = new(StringComparer.Ordinal), ["intensifier"] = new(StringComparer.Ordinal),
            ["diminisher"] = new(StringComparer.Ordinal), ["contrast"] = new(StringComparer.Ordinal),
        };
        var words = new Dictionary<string, Cue>(StringComparer.Ordinal);
        var external = (sentiment ?? new Dictionary<string, double>()).ToDictionary(e => e.Key, e => new Cue(e.Value, CueKind.Sentiment), StringComparer.Ordinal);

        var stems = new Dictionary<string, Cue>(StringComparer.Ordinal);
        var phrases = new List<CuePhrase>();
        var infixes = new List<KeyValuePair<string, Cue>>();
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                var close = line.IndexOf(']', StringComparison.Ordinal);
                section = line[1..close];
                var value = line[(close + 1)..].Trim();
                switch (section)
                {
                    case "language":
                        language = value;
                        break;
                    case "threshold":
                        threshold = double.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "negation-follows":
                        negationFollows = bool.Parse(value);
                        break;
                    case "stop" or "negation" or "intensifier" or "diminisher" or "contrast" or "complaint" or "negative" or "positive" or "phrase":
                        break;
                    default:
                        throw new FormatException($"Line {number}: unknown section [{section}].");
                }

                continue;
            }

            if (section is null)
            {
                throw new FormatException($"Line {number}: an entry before any [section].");
            }

            if (lists.TryGetValue(section, out var list))
            {
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    list.Add(word);
                }

                continue;
            }

            if (!DefaultWeights.TryGetValue(section, out var weight))
            {
                throw new FormatException($"Line {number}: [{section}] takes no entries.");
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var entryWords = parts;
            if (parts.Length > 1 && double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var given))
            {
                weight = given;
                entryWords = parts[..^1];
            }

            if (section == "phrase" || entryWords.Length > 1)
            {
                phrases.Add(new CuePhrase(string.Join(' ', entryWords), entryWords, weight));
                continue;
            }

            var kind = section == "complaint" ? CueKind.Complaint : CueKind.Sentiment;
            var entry = entryWords[0];
            if (entry.StartsWith('~'))
            {
                infixes.Add(new(entry.TrimStart('~'), new Cue(weight, kind)));
            }
            else if (entry.EndsWith('*'))
            {
                stems[entry.TrimEnd('*')] = new Cue(weight, kind);
            }
            else
            {
                words[entry] = new Cue(weight, kind);
            }
        }

        if (string.IsNullOrEmpty(language))
        {
            throw new FormatException("The lexicon names no [language].");
        }

        return new CueLexicon(language, threshold, lists["stop"], words, external, stems, phrases, infixes, lists["negation"], lists["intensifier"], lists["diminisher"], lists["contrast"], negationFollows);
    }
}
