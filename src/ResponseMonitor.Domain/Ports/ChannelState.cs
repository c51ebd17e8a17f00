namespace ResponseMonitor.Domain.Ports;

/// <summary>What the monitor remembers about reading a channel. Never holds secrets.</summary>
public sealed record ChannelState
{
    /// <summary>The channel this state belongs to.</summary>
    public required string ChannelId { get; init; }

    /// <summary>
    /// The store's concurrency token as this state was read: a write that names it succeeds only if nobody changed the
    /// channel since, which spares a quiet channel's poll the read before its write.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>Where the next poll starts. Moves only after the data before it is stored.</summary>
    public string? Cursor { get; init; }

    /// <summary>When the monitor first stored anything of the channel: silence is not counted from before it.</summary>
    public DateTimeOffset? MonitoringSince { get; init; }

    /// <summary>When the last poll ran, whatever its outcome.</summary>
    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>When a poll last succeeded.</summary>
    public DateTimeOffset? LastPollSucceededAt { get; init; }

    /// <summary>Why the last poll failed; null after a success.</summary>
    public string? LastPollError { get; init; }

    /// <summary>Polls failed in a row since the last success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The platform asked us to wait (rate limit): the channel is not polled before this.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The pause is the platform refusing the channel's credentials, not a rate limit or a quota.</summary>
    public bool CredentialsRejected { get; init; }

    /// <summary>What the platform last said about the channel's credential: its end and who renews it (never the credential).</summary>
    public CredentialLifetime? Credential { get; init; }

    /// <summary>Which poller holds the channel (a poll message being processed); nobody else polls it before <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When <see cref="ClaimedBy"/>'s claim lapses if that poller died before releasing it.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>The brand's latest post or reply on the channel, over all history.</summary>
    public DateTimeOffset? LastBrandActivityAt { get; init; }

    /// <summary>True when a poller other than <paramref name="owner"/> holds the channel at <paramref name="now"/>.</summary>
    public bool IsClaimedByAnother(string? owner, DateTimeOffset now) =>
        ClaimedBy is not null && ClaimedUntil > now && !string.Equals(ClaimedBy, owner, StringComparison.Ordinal);
}
