namespace ResponseMonitor.App.Api.Dashboard;

/// <param name="NextAfter">The last channel of this page when more follow: ask again with <c>after</c> set to it.</param>
public sealed record DashboardResponse(DateTimeOffset GeneratedAt, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<ChannelSummaryDto> Channels, IReadOnlyList<BrandDetectorDto> Detectors, string? NextAfter = null)
{
    /// <summary>Each brand's listening score over 7 and 30 days (docs/METRICS.md).</summary>
    public IReadOnlyList<Metrics.BrandListeningDto> Brands { get; init; } = [];
}
