namespace ResponseMonitor.App.Api.Import;

internal sealed record ImportErrorDto(long Line, string Error);
