namespace ResponseMonitor.App.Api.Silences;

public sealed record SilenceListResponse(IReadOnlyList<SilenceDto> Items);
