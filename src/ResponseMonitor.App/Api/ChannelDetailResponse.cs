namespace ResponseMonitor.App.Api;

public sealed record ChannelDetailResponse(ChannelSummaryDto Channel, IReadOnlyList<UnansweredItemDto> Unanswered, IReadOnlyList<WarningDto> Warnings);
