namespace ResponseMonitor.Domain.Ports;

public interface IChannelStateStore
{
    Task<ChannelState?> GetAsync(string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelState>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a stored page: the new cursor (null keeps the old one) and when. Sets MonitoringSince once. With
    /// <paramref name="known"/> (the state as read, with its <see cref="ChannelState.Version"/>) the store writes without
    /// reading first, and reads only if the channel changed since.
    /// </summary>
    Task RecordPollSuccessAsync(string channelId, string? cursor, DateTimeOffset at, CancellationToken cancellationToken, ChannelState? known = null);

    /// <summary>Records a failed poll; the cursor is left as it was. <paramref name="pausedUntil"/> holds the channel back (rate limits).</summary>
    Task RecordPollFailureAsync(string channelId, string error, DateTimeOffset at, CancellationToken cancellationToken, DateTimeOffset? pausedUntil = null, bool credentialsRejected = false);

    /// <summary>Records what the platform said about the channel's credential.</summary>
    Task RecordCredentialAsync(string channelId, CredentialLifetime lifetime, CancellationToken cancellationToken);

    /// <summary>Moves LastBrandActivityAt forward to <paramref name="at"/> if it is later; never backwards. Sets MonitoringSince once.</summary>
    Task RecordActivityAsync(string channelId, DateTimeOffset? brandActivityAt, DateTimeOffset observedAt, CancellationToken cancellationToken);
}
