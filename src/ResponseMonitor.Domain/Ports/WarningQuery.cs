using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Filters for listing warnings and their history; null means any. <see cref="From"/>/<see cref="To"/> bound the time of the last change (or of the event).</summary>
public sealed record WarningQuery
{
    public IReadOnlySet<WarningState>? States { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>
    /// Only these channels, read as one range of channels (the first to the last id in key order) and the others in
    /// it dropped: one query for a run of channels adjacent in id order, such as a dashboard page.
    /// </summary>
    public IReadOnlyCollection<string>? ChannelIds { get; init; }

    public string? Rule { get; init; }

    public WarningSeverity? MinSeverity { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Max { get; init; } = 500;
}
