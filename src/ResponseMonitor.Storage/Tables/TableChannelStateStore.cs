using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Channels table: PartitionKey "channel", RowKey = channel id. Every change is a read-modify-write guarded by the
/// entity's ETag, so a webhook recording brand activity and a poll moving the cursor never overwrite each other.
/// </summary>
public sealed class TableChannelStateStore(TableProvider tables) : IChannelStateStore
{
    private const string Partition = "channel";

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

    public async Task RecordPollSuccessAsync(string channelId, string? cursor, DateTimeOffset at, CancellationToken cancellationToken, ChannelState? known = null)
    {
        ChannelState Change(ChannelState s) => s with
        {
            Cursor = cursor ?? s.Cursor,
            MonitoringSince = s.MonitoringSince ?? at,
            LastPolledAt = at,
            LastPollSucceededAt = at,
            LastPollError = null,
            ConsecutiveFailures = 0,
            PausedUntil = null,
            CredentialsRejected = false,
        };

        // A quiet channel's state was read with every other at the start of the cycle: one conditional write, no read.
        if (known is { Version: { } version } && string.Equals(known.ChannelId, channelId, StringComparison.Ordinal))
        {
            var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
            try
            {
                await table.UpdateEntityAsync(ToEntity(Change(known)), new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (TableItemStore.IsConflict(ex) || ex.Status == 404)
            {
                // Changed (a webhook's brand activity) or gone since it was read: read it again and re-apply.
            }
        }

        await UpdateAsync(channelId, Change, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordPollFailureAsync(string channelId, string error, DateTimeOffset at, CancellationToken cancellationToken, DateTimeOffset? pausedUntil = null, bool credentialsRejected = false) =>
        UpdateAsync(channelId, s => s with
        {
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

    private async Task UpdateAsync(string channelId, Func<ChannelState, ChannelState> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ChannelState, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(channelId), cancellationToken: cancellationToken).ConfigureAwait(false);
            var current = response.HasValue && response.Value is { } existing ? existing : null;
            var next = ToEntity(change(current is null ? new ChannelState { ChannelId = channelId } : FromEntity(current)));
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

                return;
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
    };
}
