namespace ResponseMonitor.App.Api.Dashboard;

/// <param name="NextAfter">The last channel of this page when more follow: ask again with <c>after</c> set to it.</param>
public sealed record DashboardResponse(DateTimeOffset GeneratedAt, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<ChannelSummaryDto> Channels, IReadOnlyList<BrandDetectorDto> Detectors, string? NextAfter = null);
