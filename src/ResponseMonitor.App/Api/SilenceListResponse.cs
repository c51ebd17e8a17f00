namespace ResponseMonitor.App.Api;

public sealed record SilenceListResponse(IReadOnlyList<SilenceDto> Items);
