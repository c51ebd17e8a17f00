namespace ResponseMonitor.Domain.Import;

/// <summary>
/// What one row of an import may hold in memory, whatever the file: a field is kept up to <see cref="MaxFieldChars"/>
/// characters as written (storage keeps at most 32,000 of a text, ItemRules.MaxTextLength) and the rest is skipped
/// unread into any string, with the row marked truncated; a row whose kept fields still pass <see cref="MaxRowChars"/>
/// is reported by line and skipped. So a 1 GB line costs what a 64 KB one does.
/// </summary>
internal static class ImportLimits
{
    /// <summary>Characters of one field (a JSON string, a CSV cell) kept as written in the file.</summary>
    public const int MaxFieldChars = 32_768;

    /// <summary>Characters of one row kept once each field is cut to <see cref="MaxFieldChars"/>.</summary>
    public const int MaxRowChars = 64 * 1024;

    /// <summary>Fields of one CSV row; more is reported as a bad row.</summary>
    public const int MaxFields = 1_024;

    /// <summary>Characters read from the file at a time.</summary>
    internal const int ChunkChars = 16 * 1024;

    /// <summary>The field in a record that says some field was cut to <see cref="MaxFieldChars"/>.</summary>
    public const string CutField = "\0cut";
}
