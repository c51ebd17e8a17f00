using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Ports;

/// <summary>Filters for listing warnings and their history; null means any. <see cref="From"/>/<see cref="To"/> bound the time of the last change (or of the event).</summary>
public sealed record WarningQuery
{
    /// <summary>Only warnings in these states; null: all.</summary>
    public IReadOnlySet<WarningState>? States { get; init; }

    /// <summary>Only this channel's; null: every channel.</summary>
    public string? ChannelId { get; init; }

    /// <summary>
    /// Only these channels, read as one range of channels (the first to the last id in key order) and the others in
    /// it dropped: one query for a run of channels adjacent in id order, such as a dashboard page.
    /// </summary>
    public IReadOnlyCollection<string>? ChannelIds { get; init; }

    /// <summary>Only this rule's; null: every rule.</summary>
    public string? Rule { get; init; }

    /// <summary>Only this severity and above; null: all.</summary>
    public WarningSeverity? MinSeverity { get; init; }

    /// <summary>Only warnings updated at or after this.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only warnings updated before this.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>At most this many.</summary>
    public int Max { get; init; } = 500;
}
