namespace ResponseMonitor.Domain.Import;

/// <summary>
/// What an import did. <see cref="Errors"/> holds the first <see cref="HistoryImporter.MaxReportedErrors"/> bad rows;
/// <see cref="Skipped"/> counts them all.
/// </summary>
public sealed record ImportResult(long Rows, long Imported, long Skipped, IReadOnlyList<ImportRowError> Errors)
{
    public bool ErrorsTruncated => Skipped > Errors.Count;
}
