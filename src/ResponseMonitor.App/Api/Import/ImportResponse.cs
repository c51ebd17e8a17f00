namespace ResponseMonitor.App.Api.Import;

public sealed record ImportResponse(string ChannelId, string Format, long Rows, long Imported, long Skipped, IReadOnlyList<ImportErrorDto> Errors, bool ErrorsTruncated, long Labelled);
