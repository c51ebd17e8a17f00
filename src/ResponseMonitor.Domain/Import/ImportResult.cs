namespace ResponseMonitor.Domain.Import;

/// <summary>
/// What an import did. <see cref="Errors"/> holds the first <see cref="HistoryImporter.MaxReportedErrors"/> bad rows;
/// <see cref="Skipped"/> counts them all. <see cref="Labelled"/> counts the imported rows that carried a critic label.
/// </summary>
public sealed record ImportResult(long Rows, long Imported, long Skipped, IReadOnlyList<ImportRowError> Errors, long Labelled = 0)
{
    /// <summary>Some bad rows are counted but not listed in <see cref="ImportResult.Errors"/>.</summary>
    public bool ErrorsTruncated => Skipped > Errors.Count;

    /// <summary>Good rows created before the channel's retention: skipped, not stored (docs/PRIVACY.md).</summary>
    public long BeyondRetention { get; init; }

    /// <summary>Why rows were beyond retention (the channel's retention period), for the person importing.</summary>
    public string? BeyondRetentionReason { get; init; }
}
