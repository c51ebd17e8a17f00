namespace ResponseMonitor.App.Api.Metrics;

/// <summary>The same durations on the wall clock and in the channel's business hours.</summary>
internal sealed record TimedSummaryDto(DurationSummaryDto Wall, DurationSummaryDto Business);
