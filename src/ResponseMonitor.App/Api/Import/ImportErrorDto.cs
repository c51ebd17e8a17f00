namespace ResponseMonitor.App.Api.Import;

public sealed record ImportErrorDto(long Line, string Error);
