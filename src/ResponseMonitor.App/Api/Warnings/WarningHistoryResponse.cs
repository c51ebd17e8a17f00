namespace ResponseMonitor.App.Api.Warnings;

public sealed record WarningHistoryResponse(IReadOnlyList<WarningHistoryDto> Items);
