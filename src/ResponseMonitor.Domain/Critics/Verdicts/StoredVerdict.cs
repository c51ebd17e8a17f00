using System.Security.Cryptography;
using System.Text;

namespace ResponseMonitor.Domain.Critics.Verdicts;

/// <summary>
/// A verdict kept with the item it judged: the verdict, the stamp of the detector that gave it (its version and the
/// language hint, <see cref="StoredVerdictClassifier.StampOf"/>), a hash of the text it read, and when. It stands for the item while the
/// item's text and the detector's stamp are unchanged; an edit, a new model, a brand model or new rules re-judge.
/// </summary>
public sealed record StoredVerdict(CriticVerdict Verdict, string Stamp, string TextHash, DateTimeOffset JudgedAt)
{
    /// <summary>Whether this verdict still stands for <paramref name="text"/> judged by the detector stamped <paramref name="stamp"/>.</summary>
    public bool IsCurrent(string text, string stamp) =>
        string.Equals(Stamp, stamp, StringComparison.Ordinal) && string.Equals(TextHash, HashOf(text), StringComparison.Ordinal);

    /// <summary>The first 96 bits of the text's SHA-256, Base64: the same in every process, short enough to store with every item.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToBase64String(hash[..12]);
    }
}
