namespace ResponseMonitor.Domain.Warnings;

/// <summary>A warning as stored: its identity, where it is in its lifecycle and when that changed. <see cref="Version"/> is the store's concurrency tag.</summary>
public sealed record WarningRecord
{
    /// <summary>The channel the warning is about.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The rule that raised it (<see cref="WarningRules"/>).</summary>
    public required string Rule { get; init; }

    /// <summary>The channel id for channel-wide rules, the thread id for per-thread rules.</summary>
    public required string Subject { get; init; }

    /// <summary>How serious it is now; it can escalate while firing.</summary>
    public required WarningSeverity Severity { get; init; }

    /// <summary>Where it is in its lifecycle.</summary>
    public required WarningState State { get; init; }

    /// <summary>The sentence, in the channel's language, as of the last notification.</summary>
    public required string Message { get; init; }

    /// <summary>A link to the comment concerned, for per-thread rules.</summary>
    public string? ItemUrl { get; init; }

    /// <summary>When the condition began to hold (the threshold crossing, not when the monitor noticed).</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>When this occurrence was first observed (it entered <see cref="WarningState.Pending"/>).</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>When it last fired; null while pending.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>When the condition last ended after firing.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When a notification about it was last queued.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>When the record last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many times this identity has fired (a resolved warning can come back).</summary>
    public int TimesFired { get; init; }

    /// <summary>The store's concurrency tag as read; a write naming it fails if someone changed the record since.</summary>
    public string? Version { get; init; }

    /// <summary>The warning's identity within its channel: rule and subject.</summary>
    public string Key => WarningKey.Of(Rule, Subject);

    /// <summary>Pending or firing: the condition holds.</summary>
    public bool IsActive => State is WarningState.Pending or WarningState.Firing;
}
