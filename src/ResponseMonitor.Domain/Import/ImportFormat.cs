namespace ResponseMonitor.Domain.Import;

/// <summary>The file formats a history import reads.</summary>
public enum ImportFormat
{
    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV with a header row; quoted fields may span lines.</summary>
    Csv,
}
