using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// A time-bounded hold on notifications that match (a planned campaign, a known outage). Warnings still move through
/// their lifecycle and are kept; their notifications wait and go out when the silence ends, unless it is extended.
/// Empty matchers match anything.
/// </summary>
public sealed record Silence
{
    public required string Id { get; init; }

    /// <summary>Matches every channel of this brand (a campaign across a brand's channels).</summary>
    public string? Brand { get; init; }

    public string? ChannelId { get; init; }

    public string? Rule { get; init; }

    public string? Subject { get; init; }

    /// <summary>Matches warnings at or below this severity; null matches any.</summary>
    public WarningSeverity? MaxSeverity { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required string CreatedBy { get; init; }

    public string Comment { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    /// <param name="warning">The warning a notification is about.</param>
    /// <param name="brand">The brand of the warning's channel; null when the channel is no longer configured.</param>
    public bool Matches(WarningRecord warning, string? brand)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return (Brand is null || string.Equals(Brand, brand, StringComparison.OrdinalIgnoreCase))
            && (ChannelId is null || string.Equals(ChannelId, warning.ChannelId, StringComparison.OrdinalIgnoreCase))
            && (Rule is null || string.Equals(Rule, warning.Rule, StringComparison.Ordinal))
            && (Subject is null || string.Equals(Subject, warning.Subject, StringComparison.Ordinal))
            && (MaxSeverity is null || warning.Severity <= MaxSeverity);
    }
}
