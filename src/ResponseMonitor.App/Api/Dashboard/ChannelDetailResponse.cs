namespace ResponseMonitor.App.Api.Dashboard;

internal sealed record ChannelDetailResponse(ChannelSummaryDto Channel, IReadOnlyList<UnansweredItemDto> Unanswered, IReadOnlyList<WarningDto> Warnings);
