namespace ResponseMonitor.Domain.Warnings;

/// <summary>A warning as stored: its identity, its state and when it changed. <see cref="Version"/> is the store's concurrency tag.</summary>
public sealed record WarningRecord
{
    public required string ChannelId { get; init; }

    public required string Rule { get; init; }

    public required string Subject { get; init; }

    public required WarningSeverity Severity { get; init; }

    public required WarningState State { get; init; }

    public required string Message { get; init; }

    public string? ItemUrl { get; init; }

    /// <summary>When the condition began to hold.</summary>
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How many times this identity has been raised (a resolved warning can come back).</summary>
    public int TimesRaised { get; init; } = 1;

    public string? Version { get; init; }

    public string Key => WarningKey.Of(Rule, Subject);
}
