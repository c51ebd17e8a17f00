using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// GoEmotions (Demszky et al. 2020, google-research, Apache-2.0): 58k Reddit comments, each with one or more of 27
/// emotions or neutral, as "critical or not" for the shipped English model's recipe (bench train-critics). The mapping
/// was fixed before any evaluation figure was seen (docs/DETECTION.md, "GoEmotions as critical or not"):
/// - critical: an emotion that judges someone or something badly (anger, annoyance, disappointment, disapproval,
///   disgust), unless a positive emotion is also marked: then the comment is mixed and left out;
/// - left out: negative feelings that blame no one (sadness, grief, fear, nervousness, embarrassment, remorse)
///   without a critical emotion; "I'm so sad my dog died" is not a critic, and "so sad you closed the store" is;
///   the labels cannot tell them apart, so neither side learns from them;
/// - not critical: everything else, neutral, questions (curiosity, confusion) and surprise included.
/// </summary>
internal static class GoEmotionsLabels
{
    /// <summary>The 28 labels in the order of the data's label ids (google-research goemotions/data/emotions.txt).</summary>
    public static readonly string[] Names =
    [
        "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity", "desire",
        "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear", "gratitude", "grief", "joy",
        "love", "nervousness", "optimism", "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
    ];

    private static readonly HashSet<string> Critical = ["anger", "annoyance", "disappointment", "disapproval", "disgust"];

    private static readonly HashSet<string> Positive =
        ["admiration", "amusement", "approval", "caring", "excitement", "gratitude", "joy", "love", "optimism", "pride", "relief"];

    private static readonly HashSet<string> Undecided = ["sadness", "grief", "fear", "nervousness", "embarrassment", "remorse"];

    /// <summary>Critical, not critical, or null (left out), for one row's emotions.</summary>
    public static bool? IsCritical(IReadOnlyCollection<string> emotions)
    {
        ArgumentNullException.ThrowIfNull(emotions);
        if (emotions.Any(Critical.Contains))
        {
            return emotions.Any(Positive.Contains) ? null : true;
        }

        return emotions.Any(Undecided.Contains) ? null : false;
    }

    /// <summary>
    /// One split's file (<c>text \t ids \t comment id</c>, ids comma-separated), as labelled comments; rows left out by
    /// the mapping and malformed rows are skipped. <c>[NAME]</c> and <c>[RELIGION]</c> are the data's masks, kept as written.
    /// </summary>
    public static IEnumerable<LabelledComment> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                continue;
            }

            var emotions = parts[1].Split(',').Select(id => int.TryParse(id, out var k) && k >= 0 && k < Names.Length ? Names[k] : null)
                .OfType<string>().ToList();
            if (emotions.Count > 0 && IsCritical(emotions) is { } critical)
            {
                yield return new LabelledComment(parts[0], critical, "en");
            }
        }
    }
}
