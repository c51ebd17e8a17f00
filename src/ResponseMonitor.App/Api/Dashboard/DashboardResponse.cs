namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>
/// <c>GET /api/dashboard</c>: one page of channel summaries (README.md, "Paging") and totals over every channel.
/// </summary>
/// <param name="GeneratedAt">When the answer was computed (it is cached for a few seconds).</param>
/// <param name="OpenCount">Messages waiting for an answer, over every channel.</param>
/// <param name="CriticalOpenCount">Of those, the ones read as critical.</param>
/// <param name="ActiveWarningCount">Pending and firing warnings, over every channel.</param>
/// <param name="Channels">This page's channels, in configuration order.</param>
/// <param name="Detectors">Which critic detector each brand uses.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record DashboardResponse(DateTimeOffset GeneratedAt, int OpenCount, int CriticalOpenCount, int ActiveWarningCount, IReadOnlyList<ChannelSummaryDto> Channels, IReadOnlyList<BrandDetectorDto> Detectors, string? NextAfter = null)
{
    /// <summary>Each brand's listening score over 7 and 30 days (docs/METRICS.md).</summary>
    public IReadOnlyList<Metrics.BrandListeningDto> Brands { get; init; } = [];

    /// <summary>
    /// When the totals (<see cref="OpenCount"/>, <see cref="CriticalOpenCount"/>, <see cref="ActiveWarningCount"/>,
    /// <see cref="Brands"/>) were counted: <see cref="GeneratedAt"/> for an estate of up to 1,000 channels; for a larger
    /// one the last poll cycle's start, at most 10 minutes before (README.md, "Paging").
    /// </summary>
    public DateTimeOffset TotalsComputedAt { get; init; }
}
