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

    /// <summary>Longest text kept: a Table Storage string property holds at most 64 KiB, 32,768 UTF-16 characters.</summary>
    public const int MaxTextLength = 32_000;

    /// <summary>Longest author name kept.</summary>
    public const int MaxAuthorNameLength = 256;

    /// <summary>Longest link kept; a longer one is dropped rather than cut, since half a link leads nowhere.</summary>
    public const int MaxUrlLength = 2_048;

    /// <summary>Why an item's ids cannot be stored, or null when they can. Ids are identities: never cut, refused.</summary>
    public static string? CheckIds(string id, string? parentId, string? authorId = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length > MaxIdLength || parentId?.Length > MaxIdLength)
        {
            return $"an id is longer than {MaxIdLength} characters";
        }

        if (authorId?.Length > MaxIdLength)
        {
            return $"'authorId' is longer than {MaxIdLength} characters";
        }

        return string.Equals(parentId, id, StringComparison.Ordinal) ? "'parentId' names the item itself" : null;
    }

    /// <summary>
    /// The item as storage can hold it: text and author name cut to their maxima and an over-long link dropped, with
    /// <see cref="ContentItem.Truncated"/> set when anything was cut.
    /// </summary>
    public static ContentItem Fit(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.State == ItemState.Deleted)
        {
            return Redact(item);
        }

        var text = item.Text.Length > MaxTextLength ? item.Text[..MaxTextLength] : item.Text;
        var name = item.AuthorName?.Length > MaxAuthorNameLength ? item.AuthorName[..MaxAuthorNameLength] : item.AuthorName;
        var url = item.Url?.Length > MaxUrlLength ? null : item.Url;
        return ReferenceEquals(text, item.Text) && ReferenceEquals(name, item.AuthorName) && ReferenceEquals(url, item.Url)
            ? item
            : item with { Text = text, AuthorName = name, Url = url, Truncated = true };
    }

    /// <summary>The author id a deleted item keeps: its author is removed with its text.</summary>
    public const string DeletedAuthor = "[deleted]";

    /// <summary>What storage keeps of a deleted item: its place in the conversation and its times, never its text or author.</summary>
    public static ContentItem Redact(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item with { State = ItemState.Deleted, Text = "", AuthorId = DeletedAuthor, AuthorName = null, Url = null, Truncated = false };
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
