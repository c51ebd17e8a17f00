namespace ResponseMonitor.App.Api.Dashboard;

public sealed record DashboardResponse(DateTimeOffset GeneratedAt, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<ChannelSummaryDto> Channels, IReadOnlyList<BrandDetectorDto> Detectors)
{
    /// <summary>Each brand's listening score over 7 and 30 days (docs/METRICS.md).</summary>
    public IReadOnlyList<Metrics.BrandListeningDto> Brands { get; init; } = [];
}
