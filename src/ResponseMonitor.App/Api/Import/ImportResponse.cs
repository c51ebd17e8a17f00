namespace ResponseMonitor.App.Api.Import;

internal sealed record ImportResponse(string ChannelId, string Format, long Rows, long Imported, long Skipped, IReadOnlyList<ImportErrorDto> Errors, bool ErrorsTruncated, long Labelled)
{
    /// <summary>Good rows older than the channel's retention: skipped, not stored (docs/PRIVACY.md).</summary>
    public long BeyondRetention { get; init; }

    /// <summary>Why, with the cut-off; null when no row was that old.</summary>
    public string? BeyondRetentionReason { get; init; }
}
