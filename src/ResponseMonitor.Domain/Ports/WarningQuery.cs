using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Filters for listing warnings and their history; null means any. <see cref="From"/>/<see cref="To"/> bound the time of the last change (or of the event).</summary>
public sealed record WarningQuery
{
    public IReadOnlySet<WarningState>? States { get; init; }

    public string? ChannelId { get; init; }

    public string? Rule { get; init; }

    public WarningSeverity? MinSeverity { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Max { get; init; } = 500;
}
