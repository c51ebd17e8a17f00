namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Messages that arrived in [from, to), judged as of <paramref name="AsOf"/>; per channel, per brand and in total.</summary>
/// <param name="Complete">False when the window reaches past some channel's retention: see each channel's <c>retainedFrom</c>.</param>
public sealed record MetricsResponse(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, MetricsDto Total, IReadOnlyList<BrandMetricsDto> Brands, IReadOnlyList<ChannelMetricsDto> Channels, bool Complete)
{
    public ListeningDto? Listening { get; init; }
}
