using System.Text;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Makes any platform id safe as a PartitionKey or RowKey: '/', '\', '#', '?', '%' and control characters are
/// forbidden there, so they are written as %XX. Reversible, and ordinary ids stay readable.
/// </summary>
internal static class TableKeys
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key) => key.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(key) : key;

    /// <summary>A filter literal for OData: single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool NeedsEscape(char c) => Domain.Conversations.ItemRules.IsEscapedInKeys(c);
}
