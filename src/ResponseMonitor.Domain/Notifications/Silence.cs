using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// A time-bounded hold on notifications that match (a planned campaign, a known outage). Warnings still move through
/// their lifecycle and are kept; their notifications wait and go out when the silence ends, unless it is extended.
/// Empty matchers match anything.
/// </summary>
public sealed record Silence
{
    /// <summary>The silence's id.</summary>
    public required string Id { get; init; }

    /// <summary>Matches every channel of this brand (a campaign across a brand's channels).</summary>
    public string? Brand { get; init; }

    /// <summary>Matches this channel only; null: any.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Matches this rule only; null: any.</summary>
    public string? Rule { get; init; }

    /// <summary>Matches this subject (a thread) only; null: any.</summary>
    public string? Subject { get; init; }

    /// <summary>Matches warnings at or below this severity; null matches any.</summary>
    public WarningSeverity? MaxSeverity { get; init; }

    /// <summary>When it starts holding notifications.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When it stops; held notifications then go out.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Why, in the creator's words.</summary>
    public string Comment { get; init; } = "";

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether it holds notifications at <paramref name="now"/>.</summary>
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
