namespace ResponseMonitor.App.Api;

public sealed record ImportErrorDto(long Line, string Error);
