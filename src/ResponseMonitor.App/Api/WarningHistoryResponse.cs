namespace ResponseMonitor.App.Api;

public sealed record WarningHistoryResponse(IReadOnlyList<WarningHistoryDto> Items);
