using System.Text;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// Turns a text and the lexicon's verdict on it into the sparse feature vector a <see cref="CriticModel"/> reads:
/// folded words and word pairs, letter 4-grams (they reach into German compounds and Spanish endings), emoji, the
/// lexicon's cues and its score. Features are hashed into a fixed space with FNV-1a, not string.GetHashCode, so a
/// model trained in one process scores the same in another.
/// </summary>
internal static class CriticFeatures
{
    /// <summary>Hash space: 2^18 buckets. Collisions cost little at a brand's few thousand labelled texts.</summary>
    public const int Bits = 18;

    public const int Dimension = 1 << Bits;

    /// <summary>The features of <paramref name="text"/>, each index once, values scaled to unit length.</summary>
    public static SparseVector Extract(string text, CriticVerdict lexiconVerdict)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexiconVerdict);
        var counts = new Dictionary<int, float>();
        var tokens = TextFolding.Tokenize(TextFolding.Fold(text));
        var gram = new StringBuilder(16);

        for (var i = 0; i < tokens.Count; i++)
        {
            Add(counts, "w", tokens[i], 1f);
            if (i + 1 < tokens.Count)
            {
                Add(counts, "b", tokens[i] + " " + tokens[i + 1], 1f);
            }

            var padded = "<" + tokens[i] + ">";
            for (var k = 0; k + 4 <= padded.Length; k++)
            {
                gram.Clear().Append(padded, k, 4);
                Add(counts, "c", gram.ToString(), 0.5f);
            }
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0x2190 && !Rune.IsLetterOrDigit(rune))
            {
                Add(counts, "e", rune.ToString(), 1f);
            }
        }

        foreach (var cue in lexiconVerdict.Cues)
        {
            var colon = cue.IndexOf(':', StringComparison.Ordinal);
            Add(counts, "k", colon > 0 ? cue[..colon] : cue, 1f);
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            Add(counts, "s", "?", 1f);
        }

        if (text.Contains('!', StringComparison.Ordinal))
        {
            Add(counts, "s", "!", 1f);
        }

        var norm = MathF.Sqrt(counts.Values.Sum(v => v * v));
        var features = new List<(int, float)>(counts.Count + 3);
        foreach (var (index, value) in counts)
        {
            features.Add((index, norm > 0 ? value / norm : value));
        }

        // The lexicon's judgement enters as numbers the model weighs, unscaled: it carries what the words above cannot
        // learn from a few thousand examples (negation, intensity, phrases).
        var score = (float)Math.Clamp(lexiconVerdict.Score, -3, 3) / 3f;
        features.Add((Hash("l", "score"), score));
        features.Add((Hash("l", "critical"), lexiconVerdict.IsCritical ? 1f : 0f));
        features.Add((Hash("g", lexiconVerdict.Language), 1f));
        features.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return Merge(features);
    }

    private static void Add(Dictionary<int, float> counts, string kind, string value, float weight)
    {
        var index = Hash(kind, value);
        counts[index] = counts.GetValueOrDefault(index) + weight;
    }

    private static SparseVector Merge(List<(int Index, float Value)> sorted)
    {
        var indices = new List<int>(sorted.Count);
        var values = new List<float>(sorted.Count);
        foreach (var (index, value) in sorted)
        {
            if (indices.Count > 0 && indices[^1] == index)
            {
                values[^1] += value;
            }
            else
            {
                indices.Add(index);
                values.Add(value);
            }
        }

        return new SparseVector([.. indices], [.. values]);
    }

    private static int Hash(string kind, string value)
    {
        var hash = 2166136261u;
        foreach (var c in kind)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '|') * 16777619u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & ((1u << Bits) - 1));
    }
}
