namespace ResponseMonitor.App.Api.Metrics;

/// <summary>One channel's response metrics over the asked window.</summary>
/// <param name="ChannelId">The channel, as configured.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Brand">The brand it speaks for.</param>
/// <param name="HasBusinessHours">Whether business-time figures differ from wall time.</param>
/// <param name="Metrics">The figures (docs/METRICS.md).</param>
/// <param name="RetainedFrom">The channel keeps what the public wrote from this instant on (its retention, docs/PRIVACY.md).</param>
/// <param name="Complete">False when the window starts before <paramref name="RetainedFrom"/>: what came earlier was deleted, so the figures cover only the retained part and are not zero for lack of activity.</param>
internal sealed record ChannelMetricsDto(string ChannelId, string Name, string Brand, bool HasBusinessHours, MetricsDto Metrics, DateTimeOffset RetainedFrom, bool Complete)
{
    /// <summary>The window's listening score (docs/METRICS.md).</summary>
    public ListeningDto? Listening { get; init; }
}
