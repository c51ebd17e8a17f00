namespace ResponseMonitor.App.Api.Dashboard;

public sealed record DashboardResponse(DateTimeOffset GeneratedAt, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<ChannelSummaryDto> Channels, IReadOnlyList<BrandDetectorDto> Detectors);
