using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Warnings table, one partition per channel. RowKey "w|{rule}|{subject}" is a warning (one row per identity);
/// "n|{id}" is an outbox notification. A transition and its notification go in one entity group transaction,
/// the warning row guarded by its ETag (or by Add when new): a lost race fails the whole transaction.
/// </summary>
public sealed class TableWarningStore(TableProvider tables, TimeProvider time) : IWarningStore
{
    private const string WarningPrefix = "w|";
    private const string NotificationPrefix = "n|";
    private const string Pending = "pending";
    private const string Sent = "sent";

    public async Task<IReadOnlyList<WarningRecord>> GetForChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and RowKey ge {WarningPrefix} and RowKey lt {"w}"}");
        return await QueryWarningsAsync(table, filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WarningRecord>> ListAsync(WarningState? state, string? channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {WarningPrefix} and RowKey lt {"w}"}");
        if (channelId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)}");
        }

        if (state is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"State eq {state.Value.ToString()}");
        }

        return await QueryWarningsAsync(table, filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryTransitionAsync(WarningRecord warning, WarningNotification? notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(warning);
        var actions = new List<TableTransactionAction>
        {
            warning.Version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(warning.Version)),
        };
        if (notification is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(notification)));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<WarningNotification>> GetDueNotificationsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {NotificationPrefix} and RowKey lt {"n}"} and Status eq {Pending} and NextAttemptAt le {now.UtcDateTime}");
        var result = new List<WarningNotification>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(NotificationFromEntity(entity));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result.OrderBy(n => n.CreatedAt).ToList();
    }

    public async Task MarkSentAsync(WarningNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Encode(notification.Warning.ChannelId), NotificationPrefix + notification.Id)
        {
            ["Status"] = Sent,
            ["Attempts"] = notification.Attempts + 1,
            ["SentAt"] = time.GetUtcNow(),
        };
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public async Task RescheduleAsync(WarningNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Encode(notification.Warning.ChannelId), NotificationPrefix + notification.Id)
        {
            ["Attempts"] = notification.Attempts,
            ["NextAttemptAt"] = notification.NextAttemptAt,
            ["LastError"] = notification.LastError is { Length: > 1000 } e ? e[..1000] : notification.LastError,
        };
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<WarningRecord>> QueryWarningsAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var result = new List<WarningRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(WarningFromEntity(entity) with { Version = entity.ETag.ToString() });
        }

        return result;
    }

    private static TableEntity ToEntity(WarningRecord warning)
    {
        var entity = new TableEntity(TableKeys.Encode(warning.ChannelId), WarningPrefix + TableKeys.Encode(warning.Key));
        WriteWarning(entity, warning);
        return entity;
    }

    private static TableEntity ToEntity(WarningNotification notification)
    {
        var entity = new TableEntity(TableKeys.Encode(notification.Warning.ChannelId), NotificationPrefix + notification.Id)
        {
            ["NotificationId"] = notification.Id,
            ["Event"] = notification.Event,
            ["CreatedAt"] = notification.CreatedAt,
            ["Status"] = Pending,
            ["Attempts"] = notification.Attempts,
            ["NextAttemptAt"] = notification.NextAttemptAt,
            ["LastError"] = notification.LastError,
        };
        WriteWarning(entity, notification.Warning);
        return entity;
    }

    private static void WriteWarning(TableEntity entity, WarningRecord warning)
    {
        entity["ChannelId"] = warning.ChannelId;
        entity["Rule"] = warning.Rule;
        entity["Subject"] = warning.Subject;
        entity["Severity"] = warning.Severity.ToString();
        entity["State"] = warning.State.ToString();
        entity["Message"] = warning.Message;
        entity["ItemUrl"] = warning.ItemUrl;
        entity["Since"] = warning.Since;
        entity["RaisedAt"] = warning.RaisedAt;
        entity["ResolvedAt"] = warning.ResolvedAt;
        entity["TimesRaised"] = warning.TimesRaised;
    }

    private static WarningRecord WarningFromEntity(TableEntity entity) => new()
    {
        ChannelId = entity.GetString("ChannelId") ?? TableKeys.Decode(entity.PartitionKey),
        Rule = entity.GetString("Rule") ?? "",
        Subject = entity.GetString("Subject") ?? "",
        Severity = Enum.TryParse<WarningSeverity>(entity.GetString("Severity"), out var severity) ? severity : WarningSeverity.Warning,
        State = Enum.TryParse<WarningState>(entity.GetString("State"), out var state) ? state : WarningState.Active,
        Message = entity.GetString("Message") ?? "",
        ItemUrl = entity.GetString("ItemUrl"),
        Since = entity.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue,
        RaisedAt = entity.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.MinValue,
        ResolvedAt = entity.GetDateTimeOffset("ResolvedAt"),
        TimesRaised = entity.GetInt32("TimesRaised") ?? 1,
    };

    private static WarningNotification NotificationFromEntity(TableEntity entity) => new()
    {
        Id = entity.GetString("NotificationId") ?? entity.RowKey[NotificationPrefix.Length..],
        Event = entity.GetString("Event") ?? "raised",
        Warning = WarningFromEntity(entity),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Attempts = entity.GetInt32("Attempts") ?? 0,
        NextAttemptAt = entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        LastError = entity.GetString("LastError"),
    };
}
