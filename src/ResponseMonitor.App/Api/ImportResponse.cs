namespace ResponseMonitor.App.Api;

public sealed record ImportResponse(string ChannelId, string Format, long Rows, long Imported, long Skipped, IReadOnlyList<ImportErrorDto> Errors, bool ErrorsTruncated, long Labelled);
