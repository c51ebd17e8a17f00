using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Channels table: PartitionKey "channel", RowKey = channel id. Every change is a read-modify-write guarded by the
/// entity's ETag, so a webhook recording brand activity and a poll moving the cursor never overwrite each other.
/// </summary>
internal sealed class TableChannelStateStore(TableProvider tables) : IChannelStateStore
{
    private const string Partition = "channel";

    /// <summary>An entity group transaction's limit.</summary>
    private const int MaxTransactionActions = 100;

    public async Task<ChannelState?> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(channelId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<IReadOnlyList<ChannelState>> GetAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        var result = new List<ChannelState>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    public async Task<IReadOnlyList<ChannelState>> GetManyAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        if (channelIds.Count == 0)
        {
            return [];
        }

        // A poll batch is a run of ids in key order, so one range query returns it.
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        return await TableKeyRange.ReadAsync(table, Partition, channelIds, FromEntity, s => s.ChannelId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChannelState>> ClaimAsync(IReadOnlyList<ChannelState> states, string owner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        var pending = states.ToList();
        var claimed = new List<ChannelState>(pending.Count);
        while (pending.Count > 0)
        {
            // One entity group transaction per 100: every state is in one partition, so a batch's claim is one
            // storage transaction, all or nothing. A channel changed since it was read fails the whole transaction;
            // it is dropped and the rest claimed again.
            var chunk = pending.Take(MaxTransactionActions).ToList();
            var actions = chunk.Select(s =>
            {
                var entity = new TableEntity(Partition, TableKeys.Encode(s.ChannelId)) { ["ClaimedBy"] = owner, ["ClaimedUntil"] = until };
                if (s.Version is null)
                {
                    entity["ChannelId"] = s.ChannelId;
                    return new TableTransactionAction(TableTransactionActionType.Add, entity);
                }

                return new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, new ETag(s.Version));
            }).ToList();
            try
            {
                var responses = (await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false)).Value;
                for (var i = 0; i < chunk.Count; i++)
                {
                    var etag = responses.Count > i ? responses[i].Headers.ETag : null;
                    claimed.Add(chunk[i] with { Version = etag?.ToString(), ClaimedBy = owner, ClaimedUntil = until });
                }

                pending.RemoveRange(0, chunk.Count);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } failed && failed < chunk.Count && (ex.Status is 409 or 412 or 404))
            {
                pending.RemoveAt(failed);
            }
        }

        return claimed;
    }

    public async Task<bool> RecordPollSuccessAsync(string channelId, string? cursor, DateTimeOffset at, CancellationToken cancellationToken, ChannelState? known = null, string? claimOwner = null, bool releaseClaim = true)
    {
        ChannelState? Change(ChannelState s) => claimOwner is not null && s.IsClaimedByAnother(claimOwner, at) ? null : s with
        {
            Cursor = cursor ?? s.Cursor,
            MonitoringSince = s.MonitoringSince ?? at,
            LastPolledAt = at,
            LastPollSucceededAt = at,
            LastPollError = null,
            ConsecutiveFailures = 0,
            PausedUntil = null,
            CredentialsRejected = false,
            ClaimedBy = releaseClaim ? null : s.ClaimedBy,
            ClaimedUntil = releaseClaim ? null : s.ClaimedUntil,
        };

        // A quiet channel's state was read with every other at the start of the cycle (or claimed by this poller):
        // one conditional write, no read.
        if (known is { Version: { } version } && string.Equals(known.ChannelId, channelId, StringComparison.Ordinal) && Change(known) is { } next)
        {
            var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
            try
            {
                await table.UpdateEntityAsync(ToEntity(next), new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (TableItemStore.IsConflict(ex) || ex.Status == 404)
            {
                // Changed (a webhook's brand activity, or another poller's claim) or gone since it was read: read it
                // again and re-apply, unless another poller now holds it.
            }
        }

        return await UpdateAsync(channelId, Change, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordPollFailureAsync(string channelId, string error, DateTimeOffset at, CancellationToken cancellationToken, DateTimeOffset? pausedUntil = null, bool credentialsRejected = false) =>
        UpdateAsync(channelId, s => s with
        {
            ClaimedBy = null,
            ClaimedUntil = null,
            PausedUntil = pausedUntil,
            CredentialsRejected = credentialsRejected,
            LastPolledAt = at,
            LastPollError = error.Length > 1000 ? error[..1000] : error,
            ConsecutiveFailures = s.ConsecutiveFailures + 1,
        }, cancellationToken);

    public Task RecordCredentialAsync(string channelId, CredentialLifetime lifetime, CancellationToken cancellationToken) =>
        UpdateAsync(channelId, s => s with { Credential = lifetime }, cancellationToken);

    public Task RecordActivityAsync(string channelId, DateTimeOffset? brandActivityAt, DateTimeOffset observedAt, CancellationToken cancellationToken) =>
        UpdateAsync(channelId, s => s with
        {
            MonitoringSince = s.MonitoringSince ?? observedAt,
            LastBrandActivityAt = brandActivityAt is { } at && (s.LastBrandActivityAt is null || at > s.LastBrandActivityAt) ? at : s.LastBrandActivityAt,
        }, cancellationToken);

    /// <summary>Read, change, write with the read's ETag, again on conflict. A change that returns null writes nothing: false.</summary>
    private async Task<bool> UpdateAsync(string channelId, Func<ChannelState, ChannelState?> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(channelId), cancellationToken: cancellationToken).ConfigureAwait(false);
            var current = response.HasValue && response.Value is { } existing ? existing : null;
            if (change(current is null ? new ChannelState { ChannelId = channelId } : FromEntity(current)) is not { } changed)
            {
                return false;
            }

            var next = ToEntity(changed);
            try
            {
                if (current is null)
                {
                    await table.AddEntityAsync(next, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }
            catch (RequestFailedException ex) when (TableItemStore.IsConflict(ex) && attempt < 10)
            {
                // Someone else changed the channel between our read and write: read again and re-apply.
            }
        }
    }

    private static TableEntity ToEntity(ChannelState state) => new(Partition, TableKeys.Encode(state.ChannelId))
    {
        ["ChannelId"] = state.ChannelId,
        ["Cursor"] = state.Cursor,
        ["MonitoringSince"] = state.MonitoringSince,
        ["LastPolledAt"] = state.LastPolledAt,
        ["LastPollSucceededAt"] = state.LastPollSucceededAt,
        ["LastPollError"] = state.LastPollError,
        ["ConsecutiveFailures"] = state.ConsecutiveFailures,
        ["LastBrandActivityAt"] = state.LastBrandActivityAt,
        ["PausedUntil"] = state.PausedUntil,
        ["CredentialsRejected"] = state.CredentialsRejected ? true : null,
        ["CredentialCheckedAt"] = state.Credential?.CheckedAt,
        ["CredentialExpiresAt"] = state.Credential?.ExpiresAt,
        ["CredentialRenewedByMonitor"] = state.Credential?.RenewedByMonitor,
        ["CredentialSource"] = state.Credential?.Source,
        ["ClaimedBy"] = state.ClaimedBy,
        ["ClaimedUntil"] = state.ClaimedUntil,
    };

    private static ChannelState FromEntity(TableEntity entity) => new()
    {
        ChannelId = entity.GetString("ChannelId") ?? TableKeys.Decode(entity.RowKey),
        Version = entity.ETag.ToString(),
        Cursor = entity.GetString("Cursor"),
        MonitoringSince = entity.GetDateTimeOffset("MonitoringSince"),
        LastPolledAt = entity.GetDateTimeOffset("LastPolledAt"),
        LastPollSucceededAt = entity.GetDateTimeOffset("LastPollSucceededAt"),
        LastPollError = entity.GetString("LastPollError"),
        ConsecutiveFailures = entity.GetInt32("ConsecutiveFailures") ?? 0,
        LastBrandActivityAt = entity.GetDateTimeOffset("LastBrandActivityAt"),
        PausedUntil = entity.GetDateTimeOffset("PausedUntil"),
        CredentialsRejected = entity.GetBoolean("CredentialsRejected") ?? false,
        Credential = entity.GetDateTimeOffset("CredentialCheckedAt") is { } checkedAt
            ? new CredentialLifetime(checkedAt, entity.GetDateTimeOffset("CredentialExpiresAt"), entity.GetBoolean("CredentialRenewedByMonitor") ?? false, entity.GetString("CredentialSource") ?? "")
            : null,
        ClaimedBy = entity.GetString("ClaimedBy"),
        ClaimedUntil = entity.GetDateTimeOffset("ClaimedUntil"),
    };
}
