namespace ResponseMonitor.App.Api.Metrics;

/// <param name="RetainedFrom">The channel keeps what the public wrote from this instant on (its retention, docs/PRIVACY.md).</param>
/// <param name="Complete">False when the window starts before <paramref name="RetainedFrom"/>: what came earlier was deleted, so the figures cover only the retained part and are not zero for lack of activity.</param>
public sealed record ChannelMetricsDto(string ChannelId, string Name, string Brand, bool HasBusinessHours, MetricsDto Metrics, DateTimeOffset RetainedFrom, bool Complete)
{
    /// <summary>The window's listening score (docs/METRICS.md).</summary>
    public ListeningDto? Listening { get; init; }
}
