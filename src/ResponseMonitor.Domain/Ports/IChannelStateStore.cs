namespace ResponseMonitor.Domain.Ports;

/// <summary>Where channels' polling state is kept.</summary>
public interface IChannelStateStore
{
    /// <summary>One channel's state; null before its first poll.</summary>
    Task<ChannelState?> GetAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>Every channel's state.</summary>
    Task<IReadOnlyList<ChannelState>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>The states of these channels (those that have one), read together: one query for a poll batch.</summary>
    Task<IReadOnlyList<ChannelState>> GetManyAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken);

    /// <summary>
    /// Claims channels for <paramref name="owner"/> until <paramref name="until"/>, each only if it has not changed since
    /// it was read (<see cref="ChannelState.Version"/>; none: only if it still has no state). A channel changed in between
    /// is left out. Returns the claimed states with their new versions.
    /// </summary>
    Task<IReadOnlyList<ChannelState>> ClaimAsync(IReadOnlyList<ChannelState> states, string owner, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Records a stored page: the new cursor (null keeps the old one) and when. Sets MonitoringSince once. With
    /// <paramref name="known"/> (the state as read, with its <see cref="ChannelState.Version"/>) the store writes without
    /// reading first, and reads only if the channel changed since. With <paramref name="claimOwner"/> the write is that
    /// poller's: if another poller holds the channel now, nothing is written and the result is false (its cursor is
    /// discarded, the other poll's stands); <paramref name="releaseClaim"/> ends the claim with this write.
    /// </summary>
    Task<bool> RecordPollSuccessAsync(string channelId, string? cursor, DateTimeOffset at, CancellationToken cancellationToken, ChannelState? known = null, string? claimOwner = null, bool releaseClaim = true);

    /// <summary>Records a failed poll; the cursor is left as it was. <paramref name="pausedUntil"/> holds the channel back (rate limits).</summary>
    Task RecordPollFailureAsync(string channelId, string error, DateTimeOffset at, CancellationToken cancellationToken, DateTimeOffset? pausedUntil = null, bool credentialsRejected = false);

    /// <summary>Records what the platform said about the channel's credential.</summary>
    Task RecordCredentialAsync(string channelId, CredentialLifetime lifetime, CancellationToken cancellationToken);

    /// <summary>Moves LastBrandActivityAt forward to <paramref name="brandActivityAt"/> if it is later; never backwards. Sets MonitoringSince once, at <paramref name="observedAt"/>.</summary>
    Task RecordActivityAsync(string channelId, DateTimeOffset? brandActivityAt, DateTimeOffset observedAt, CancellationToken cancellationToken);
}
