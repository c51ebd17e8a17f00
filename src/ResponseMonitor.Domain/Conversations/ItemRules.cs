using System.Globalization;

namespace ResponseMonitor.Domain.Conversations;

/// <summary>
/// The rules every way in (poll, push, import) applies to an item before it is stored, so that one path never accepts
/// what another refuses.
/// </summary>
public static class ItemRules
{
    /// <summary>Longest id or parent id: ids become Table Storage keys, whose limit is 1 KiB after escaping.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Why an item's ids cannot be stored, or null when they can.</summary>
    public static string? CheckIds(string id, string? parentId)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length > MaxIdLength || parentId?.Length > MaxIdLength)
        {
            return $"an id is longer than {MaxIdLength} characters";
        }

        return string.Equals(parentId, id, StringComparison.Ordinal) ? "'parentId' names the item itself" : null;
    }

    /// <summary>
    /// An instant with its offset (<c>2025-03-10T12:00:00Z</c>, <c>…+01:00</c>) or Unix seconds, in UTC; null for
    /// anything else. A bare local time would be guessed, and a guess shifts every response time.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 100_000_000_000)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text))
            ? value.ToUniversalTime()
            : null;
    }

    private static bool HasOffset(string text)
    {
        // The offset follows the time of day, which follows a 'T' or a space after the date.
        var at = text.IndexOfAny(['T', 't', ' ']);
        var tail = at >= 0 ? text[(at + 1)..] : "";
        return tail.Contains('+', StringComparison.Ordinal) || tail.Contains('-', StringComparison.Ordinal);
    }
}
