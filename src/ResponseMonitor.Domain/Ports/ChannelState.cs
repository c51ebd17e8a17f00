namespace ResponseMonitor.Domain.Ports;

/// <summary>What the monitor remembers about reading a channel. Never holds secrets.</summary>
public sealed record ChannelState
{
    public required string ChannelId { get; init; }

    /// <summary>
    /// The store's concurrency token as this state was read: a write that names it succeeds only if nobody changed the
    /// channel since, which spares a quiet channel's poll the read before its write.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>Where the next poll starts. Moves only after the data before it is stored.</summary>
    public string? Cursor { get; init; }

    public DateTimeOffset? MonitoringSince { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public DateTimeOffset? LastPollSucceededAt { get; init; }

    public string? LastPollError { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>The platform asked us to wait (rate limit): the channel is not polled before this.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The pause is the platform refusing the channel's credentials, not a rate limit or a quota.</summary>
    public bool CredentialsRejected { get; init; }

    /// <summary>What the platform last said about the channel's credential: its end and who renews it (never the credential).</summary>
    public CredentialLifetime? Credential { get; init; }

    /// <summary>The brand's latest post or reply on the channel, over all history.</summary>
    public DateTimeOffset? LastBrandActivityAt { get; init; }
}
