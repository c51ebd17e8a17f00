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

    /// <summary>
    /// Longest key storage takes: a PartitionKey or RowKey holds 1 KiB, 512 UTF-16 characters, measured after
    /// escaping (<see cref="IsEscapedInKeys"/>). An id within <see cref="MaxIdLength"/> can still pass it: '/' is three.
    /// </summary>
    public const int MaxKeyLength = 512;

    /// <summary>
    /// Characters a Table Storage key may not hold, written as %XX of their UTF-8 bytes: '/', '\', '#', '?', control
    /// characters, and '%' itself so that the escape is reversible.
    /// </summary>
    public static bool IsEscapedInKeys(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);

    /// <summary>The length of <paramref name="id"/> once escaped as a storage key.</summary>
    public static int KeyLength(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var length = 0;
        foreach (var c in id)
        {
            // Every escaped character is ASCII or a C1 control: one or two UTF-8 bytes, three characters each.
            length += IsEscapedInKeys(c) ? (c < 0x80 ? 3 : 6) : 1;
        }

        return length;
    }

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

        // Storage refuses a longer key outright (400), and a retry never helps: refuse it here, naming the field.
        foreach (var (field, value) in new[] { ("id", id), ("parentId", parentId) })
        {
            if (value is not null && KeyLength(value) > MaxKeyLength)
            {
                return $"'{field}' becomes a storage key of {KeyLength(value)} characters once '/', '\\', '#', '?' and '%' are escaped; at most {MaxKeyLength}";
            }
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
        return item with { State = ItemState.Deleted, Text = "", AuthorId = DeletedAuthor, AuthorName = null, Url = null, Truncated = false, Critic = null };
    }

    /// <summary>
    /// How far past now an item's times may lie, for clocks that disagree. Every path (poll, push, import) refuses an
    /// item dated later: stored, it would hold a feed's cursor in the future and hide every later item.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    /// <summary>Why an item's times cannot be taken at <paramref name="now"/> (in the future), or null when they can.</summary>
    public static string? CheckTimes(DateTimeOffset createdAt, DateTimeOffset? editedAt, DateTimeOffset now)
    {
        var latest = now + ClockSkewAllowance;
        if (createdAt > latest)
        {
            return $"'createdAt' {createdAt:O} is in the future (more than {ClockSkewAllowance.TotalMinutes:0} minutes after now)";
        }

        return editedAt > latest ? $"'editedAt' {editedAt.Value:O} is in the future (more than {ClockSkewAllowance.TotalMinutes:0} minutes after now)" : null;
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
