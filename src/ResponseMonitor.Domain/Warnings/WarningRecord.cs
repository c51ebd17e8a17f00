namespace ResponseMonitor.Domain.Warnings;

/// <summary>A warning as stored: its identity, where it is in its lifecycle and when that changed. <see cref="Version"/> is the store's concurrency tag.</summary>
public sealed record WarningRecord
{
    public required string ChannelId { get; init; }

    public required string Rule { get; init; }

    /// <summary>The channel id for channel-wide rules, the thread id for per-thread rules.</summary>
    public required string Subject { get; init; }

    public required WarningSeverity Severity { get; init; }

    public required WarningState State { get; init; }

    /// <summary>The sentence, in the channel's language, as of the last notification.</summary>
    public required string Message { get; init; }

    public string? ItemUrl { get; init; }

    /// <summary>When the condition began to hold (the threshold crossing, not when the monitor noticed).</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>When this occurrence was first observed (it entered <see cref="WarningState.Pending"/>).</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    public DateTimeOffset? FiredAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? LastNotifiedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many times this identity has fired (a resolved warning can come back).</summary>
    public int TimesFired { get; init; }

    public string? Version { get; init; }

    public string Key => WarningKey.Of(Rule, Subject);

    public bool IsActive => State is WarningState.Pending or WarningState.Firing;
}
