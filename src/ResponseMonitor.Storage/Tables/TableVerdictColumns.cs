using Azure.Data.Tables;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Verdicts;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// The columns that keep a critic verdict with an item, in the items table and in the open table's copies.
/// The open table's own <c>Critic*</c> columns hold the verdict shown (the Azure backend's, when it is on); these hold
/// the brand's local detector's, with its stamp.
/// </summary>
internal static class TableVerdictColumns
{
    public const string Stamp = "VerdictStamp";
    public const string TextHash = "VerdictText";
    public const string JudgedAt = "VerdictAt";

    /// <summary>Cues kept, in characters: a 32,000-character text may have hundreds, and a row holds at most 1 MiB.</summary>
    private const int MaxCueCharacters = 2_000;

    public static void Write(TableEntity entity, StoredVerdict? kept)
    {
        if (kept is null)
        {
            return;
        }

        var verdict = kept.Verdict;
        entity["VerdictLabel"] = verdict.Label.ToString();
        entity["VerdictScore"] = verdict.Score;
        entity["VerdictLanguage"] = verdict.Language;
        entity["VerdictCues"] = JoinCues(verdict.Cues);
        entity["VerdictDetector"] = verdict.Detector;
        entity[Stamp] = kept.Stamp;
        entity[TextHash] = kept.TextHash;
        entity[JudgedAt] = kept.JudgedAt.ToUniversalTime();
    }

    public static StoredVerdict? Read(TableEntity entity)
    {
        if (entity.GetString(Stamp) is not { } stamp || entity.GetString(TextHash) is not { } hash || entity.GetDateTimeOffset(JudgedAt) is not { } at
            || !Enum.TryParse<CriticLabel>(entity.GetString("VerdictLabel"), out var label))
        {
            return null;
        }

        var cues = entity.GetString("VerdictCues") is { Length: > 0 } joined ? joined.Split('\n') : [];
        var verdict = new CriticVerdict(entity.GetString("VerdictLanguage") ?? "und", label, entity.GetDouble("VerdictScore") ?? 0, cues)
        {
            Detector = entity.GetString("VerdictDetector") ?? LexiconCriticClassifier.DetectorName,
        };
        return new StoredVerdict(verdict, stamp, hash, at);
    }

    private static string JoinCues(IReadOnlyList<string> cues)
    {
        var length = 0;
        var kept = cues.TakeWhile(c => (length += c.Length + 1) <= MaxCueCharacters);
        return string.Join('\n', kept);
    }
}
