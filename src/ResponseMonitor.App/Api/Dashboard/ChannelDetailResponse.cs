namespace ResponseMonitor.App.Api.Dashboard;

public sealed record ChannelDetailResponse(ChannelSummaryDto Channel, IReadOnlyList<UnansweredItemDto> Unanswered, IReadOnlyList<WarningDto> Warnings);
