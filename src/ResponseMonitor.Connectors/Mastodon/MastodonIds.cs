namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>Mastodon ids are decimal strings that grow with time; compare by length, then digits.</summary>
internal static class MastodonIds
{
    public static string? Max(string? a, string? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        return a.Length != b.Length ? (a.Length > b.Length ? a : b) : (string.CompareOrdinal(a, b) >= 0 ? a : b);
    }
}
