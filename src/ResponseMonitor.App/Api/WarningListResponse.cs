namespace ResponseMonitor.App.Api;

public sealed record WarningListResponse(IReadOnlyList<WarningDto> Items);
