using System.Globalization;
using System.Reflection;

namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// The lexicons the monitor ships (Critics/Lexicons/*.txt, embedded): English, Spanish and German, and smaller French,
/// Portuguese and Italian ones. All written for this project, except the VADER sentiment lexicon (MIT) under English.
/// </summary>
public static class BuiltInLexicons
{
    /// <summary>The languages with a shipped word list.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "de", "fr", "pt", "it"];

    private static readonly Lazy<IReadOnlyList<CueLexicon>> Loaded = new(Load);

    /// <summary>The shipped word lists, loaded on first use.</summary>
    public static IReadOnlyList<CueLexicon> All => Loaded.Value;

    private static List<CueLexicon> Load()
    {
        var vader = Vader();
        return [.. Languages.Select(l => LexiconParser.Parse(Read(l + ".txt"), l == "en" ? vader : null))];
    }

    /// <summary>VADER valences (−4 … +4) as critic weights: −0.3 per point, so "terrible" (−2.5) weighs +0.75.</summary>
    private static Dictionary<string, double> Vader()
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in Read("vader.txt").Split('\n'))
        {
            var parts = line.Split('\t');
            if (line.StartsWith('#') || parts.Length < 2 || !parts[0].All(c => char.IsLetter(c) || c == '\''))
            {
                continue; // emoticons are scored by the detector itself, language-free
            }

            weights[parts[0].Replace("'", "", StringComparison.Ordinal)] = Math.Round(-0.3 * double.Parse(parts[1], CultureInfo.InvariantCulture), 3);
        }

        return weights;
    }

    private static string Read(string name)
    {
        var assembly = typeof(BuiltInLexicons).Assembly;
        using var stream = assembly.GetManifestResourceStream("ResponseMonitor.Domain.Critics.Lexicons." + name)
            ?? throw new InvalidOperationException($"The lexicon {name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
