namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Messages that arrived in [from, to), judged as of <paramref name="AsOf"/>; per channel, per brand and in total.</summary>
/// <param name="From">The window's start, inclusive.</param>
/// <param name="To">The window's end, exclusive.</param>
/// <param name="AsOf">The instant the figures are judged at (open messages age up to it).</param>
/// <param name="Total">Every channel asked for, together.</param>
/// <param name="Brands">Per brand.</param>
/// <param name="Channels">Per channel: one page of them (README.md, "Paging").</param>
/// <param name="Complete">False when the window reaches past some channel's retention: see each channel's <c>retainedFrom</c>.</param>
/// <param name="NextAfter">The <c>after</c> of the next page of <paramref name="Channels"/>; null on the last.</param>
internal sealed record MetricsResponse(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, MetricsDto Total, IReadOnlyList<BrandMetricsDto> Brands, IReadOnlyList<ChannelMetricsDto> Channels, bool Complete, string? NextAfter = null)
{
    /// <summary>The window's listening score over every channel asked for (docs/METRICS.md).</summary>
    public ListeningDto? Listening { get; init; }
}
