using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Warnings table, one partition per channel, three kinds of row:
/// <c>w|{rule}|{subject}</c> the warning (one row per identity), <c>h|{ticks}|{hash}</c> one history event, and
/// <c>d|{id}</c> one outbox delivery to one sink. A transition, its history row and its deliveries go in one entity
/// group transaction with the warning row guarded by its ETag (or by Add when new): a lost race fails all of it.
/// </summary>
internal sealed class TableWarningStore(TableProvider tables) : IWarningStore
{
    private const string WarningPrefix = "w|";
    private const string HistoryPrefix = "h|";
    private const string DeliveryPrefix = "d|";

    public async Task<IReadOnlyList<WarningRecord>> GetForChannelAsync(string channelId, CancellationToken cancellationToken) =>
        await ListAsync(new WarningQuery { ChannelId = channelId, Max = int.MaxValue }, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<WarningRecord>> ListAsync(WarningQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (await AllAsync(StreamAsync(query, cancellationToken)).ConfigureAwait(false)).OrderByDescending(w => w.UpdatedAt).Take(query.Max).ToList();
    }

    public async IAsyncEnumerable<WarningRecord> StreamAsync(WarningQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        if (query.ChannelIds is { Count: 0 })
        {
            yield break;
        }

        var wanted = Wanted(query);
        var filter = Range(WarningPrefix, "w}", query.ChannelId, query.ChannelIds);
        if (query.Rule is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Rule eq {query.Rule}");
        }

        if (query.States is { Count: > 0 } states)
        {
            filter += " and (" + string.Join(" or ", states.Select(s => TableClient.CreateQueryFilter($"State eq {s.ToString()}"))) + ")";
        }

        if (query.From is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"UpdatedAt ge {from.UtcDateTime}");
        }

        if (query.To is { } to)
        {
            filter += " and " + TableClient.CreateQueryFilter($"UpdatedAt lt {to.UtcDateTime}");
        }

        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var warning = WarningFromEntity(entity) with { Version = entity.ETag.ToString() };
            if ((query.MinSeverity is null || warning.Severity >= query.MinSeverity) && (wanted is null || wanted.Contains(warning.ChannelId)))
            {
                yield return warning;
            }
        }
    }

    public async Task<IReadOnlyList<WarningHistoryEntry>> ListHistoryAsync(WarningQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (await AllAsync(StreamHistoryAsync(query, cancellationToken)).ConfigureAwait(false)).OrderByDescending(h => h.At).Take(query.Max).ToList();
    }

    public async IAsyncEnumerable<WarningHistoryEntry> StreamHistoryAsync(WarningQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var low = HistoryPrefix + (query.From is { } from ? Ticks(from) : "");
        var high = query.To is { } to ? HistoryPrefix + Ticks(to) : "h}";
        if (query.ChannelIds is { Count: 0 })
        {
            yield break;
        }

        var wanted = Wanted(query);
        var filter = Range(low, high, query.ChannelId, query.ChannelIds);
        if (query.Rule is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Rule eq {query.Rule}");
        }

        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var entry = new WarningHistoryEntry(
                e.GetString("ChannelId") ?? TableKeys.Decode(e.PartitionKey),
                e.GetString("Rule") ?? "",
                e.GetString("Subject") ?? "",
                e.GetString("Event") ?? "",
                ParseState(e.GetString("State")),
                ParseSeverity(e.GetString("Severity")),
                e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                e.GetString("Message") ?? "");
            if ((query.MinSeverity is null || entry.Severity >= query.MinSeverity) && (wanted is null || wanted.Contains(entry.ChannelId)) && (query.States is not { Count: > 0 } states || states.Contains(entry.State)))
            {
                yield return entry;
            }
        }
    }

    public async Task<bool> TryTransitionAsync(WarningTransition transition, IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(deliveries);
        var warning = transition.Warning;
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(TableKeys.Encode(warning.ChannelId), WarningPrefix + TableKeys.Encode(warning.Key));
        WriteWarning(row, warning);
        var history = new TableEntity(
            TableKeys.Encode(warning.ChannelId),
            $"{HistoryPrefix}{Ticks(warning.UpdatedAt)}|{NotificationIds.Hash(warning.Key + "|" + transition.Event)}")
        {
            ["ChannelId"] = warning.ChannelId,
            ["Rule"] = warning.Rule,
            ["Subject"] = warning.Subject,
            ["Event"] = transition.Event,
            ["State"] = warning.State.ToString(),
            ["Severity"] = warning.Severity.ToString(),
            ["At"] = warning.UpdatedAt,
            ["Message"] = warning.Message,
        };
        var actions = new List<TableTransactionAction>
        {
            warning.Version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(warning.Version)),
            new(TableTransactionActionType.UpsertReplace, history),
        };
        actions.AddRange(deliveries.Select(d => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(d))));

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

    public async Task<IReadOnlyList<NotificationDelivery>> GetDueDeliveriesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {DeliveryPrefix} and RowKey lt {"d}"} and Status eq {nameof(DeliveryStatus.Pending)} and NextAttemptAt le {now.UtcDateTime}");
        var result = new List<NotificationDelivery>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var delivery = DeliveryFromEntity(entity);
            if (delivery.ClaimedUntil is { } claimed && claimed > now)
            {
                continue;
            }

            result.Add(delivery);
            if (result.Count >= max)
            {
                break;
            }
        }

        return result.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<NotificationDelivery>?> TryClaimAsync(IReadOnlyList<NotificationDelivery> deliveries, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var claimed = deliveries.Select(d => d with { ClaimedUntil = until }).ToList();
        var versions = await SubmitStatusAsync(claimed, cancellationToken).ConfigureAwait(false);
        return versions is null ? null : claimed.Select((d, i) => d with { Version = versions[i] }).ToList();
    }

    public async Task UpdateDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var chunk in deliveries.GroupBy(d => d.Warning.ChannelId, StringComparer.Ordinal).SelectMany(g => g.Chunk(100)))
        {
            // A conflict means another instance took these over after our claim lapsed; its outcome stands.
            await SubmitStatusAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DeliveryStatus? status, string? channelId, string? sink, int max, CancellationToken cancellationToken) =>
        (await AllAsync(StreamDeliveriesAsync(status, channelId, sink, cancellationToken)).ConfigureAwait(false))
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Take(max).ToList();

    public async IAsyncEnumerable<NotificationDelivery> StreamDeliveriesAsync(DeliveryStatus? status, string? channelId, string? sink, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = Range(DeliveryPrefix, "d}", channelId);
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.Value.ToString()}");
        }

        if (sink is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Sink eq {sink}");
        }

        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return DeliveryFromEntity(entity);
        }
    }

    public async Task<int> ReleaseHeldAsync(string heldBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {DeliveryPrefix} and RowKey lt {"d}"} and Status eq {nameof(DeliveryStatus.Pending)} and HeldBy eq {heldBy}");
        var held = new List<NotificationDelivery>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            held.Add(DeliveryFromEntity(entity) with { NextAttemptAt = now, HeldBy = null });
        }

        await UpdateDeliveriesAsync(held, cancellationToken).ConfigureAwait(false);
        return held.Count;
    }

    public async Task<NotificationDelivery?> GetDeliveryAsync(string channelId, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(channelId), DeliveryPrefix + TableKeys.Encode(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? DeliveryFromEntity(entity) : null;
    }

    /// <summary>Merges the status fields of deliveries of one channel, each guarded by its version; the new versions, or null on a conflict.</summary>
    private async Task<IReadOnlyList<string?>?> SubmitStatusAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var actions = deliveries.Select(d => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(TableKeys.Encode(d.Warning.ChannelId), DeliveryPrefix + TableKeys.Encode(d.Id))
            {
                ["Status"] = d.Status.ToString(),
                ["Attempts"] = d.Attempts,
                ["NextAttemptAt"] = d.NextAttemptAt,
                // A merge leaves out null properties, so "none" is written as empty text and the epoch.
                ["LastError"] = d.LastError is { Length: > 1000 } e ? e[..1000] : d.LastError ?? "",
                ["HeldBy"] = d.HeldBy ?? "",
                ["SentAt"] = d.SentAt,
                ["ClaimedUntil"] = d.ClaimedUntil ?? DateTimeOffset.UnixEpoch,
            },
            d.Version is null ? ETag.All : new ETag(d.Version))).ToList();
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return response.Value.Select(r => r.Headers.ETag?.ToString()).ToList();
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static string Range(string low, string high, string? channelId, IReadOnlyCollection<string>? channelIds = null)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {low} and RowKey lt {high}");
        if (channelIds is { Count: > 0 })
        {
            // The run's partitions as one range (a filter may hold only 15 comparisons); the caller drops the others.
            var keys = channelIds.Select(TableKeys.Encode).Order(StringComparer.Ordinal).ToList();
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {keys[0]} and PartitionKey le {keys[^1]}") + " and " + filter;
        }

        return channelId is null ? filter : filter + " and " + TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)}");
    }

    private static HashSet<string>? Wanted(WarningQuery query) => query.ChannelIds is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null;

    private static string Ticks(DateTimeOffset instant) => instant.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(NotificationDelivery delivery)
    {
        var entity = new TableEntity(TableKeys.Encode(delivery.Warning.ChannelId), DeliveryPrefix + TableKeys.Encode(delivery.Id))
        {
            ["DeliveryId"] = delivery.Id,
            ["Sink"] = delivery.Sink,
            ["Event"] = delivery.Event,
            ["CreatedAt"] = delivery.CreatedAt,
            ["Status"] = delivery.Status.ToString(),
            ["Attempts"] = delivery.Attempts,
            ["NextAttemptAt"] = delivery.NextAttemptAt,
            ["LastError"] = delivery.LastError,
            ["HeldBy"] = delivery.HeldBy,
            ["SentAt"] = delivery.SentAt,
            ["ClaimedUntil"] = delivery.ClaimedUntil,
        };
        WriteWarning(entity, delivery.Warning);
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
        entity["ObservedAt"] = warning.ObservedAt;
        entity["FiredAt"] = warning.FiredAt;
        entity["ResolvedAt"] = warning.ResolvedAt;
        entity["LastNotifiedAt"] = warning.LastNotifiedAt;
        entity["UpdatedAt"] = warning.UpdatedAt;
        entity["TimesFired"] = warning.TimesFired;
    }

    private static WarningSeverity ParseSeverity(string? text) => Enum.TryParse<WarningSeverity>(text, out var severity) ? severity : WarningSeverity.Warning;

    private static WarningState ParseState(string? text) => Enum.TryParse<WarningState>(text, out var state) ? state : WarningState.Firing;

    private static WarningRecord WarningFromEntity(TableEntity entity) => new()
    {
        ChannelId = entity.GetString("ChannelId") ?? TableKeys.Decode(entity.PartitionKey),
        Rule = entity.GetString("Rule") ?? "",
        Subject = entity.GetString("Subject") ?? "",
        Severity = ParseSeverity(entity.GetString("Severity")),
        State = ParseState(entity.GetString("State")),
        Message = entity.GetString("Message") ?? "",
        ItemUrl = entity.GetString("ItemUrl"),
        Since = entity.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue,
        ObservedAt = entity.GetDateTimeOffset("ObservedAt") ?? DateTimeOffset.MinValue,
        FiredAt = entity.GetDateTimeOffset("FiredAt"),
        ResolvedAt = entity.GetDateTimeOffset("ResolvedAt"),
        LastNotifiedAt = entity.GetDateTimeOffset("LastNotifiedAt"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        TimesFired = entity.GetInt32("TimesFired") ?? 0,
    };

    private static NotificationDelivery DeliveryFromEntity(TableEntity entity) => new()
    {
        Id = entity.GetString("DeliveryId") ?? TableKeys.Decode(entity.RowKey[DeliveryPrefix.Length..]),
        Sink = entity.GetString("Sink") ?? "",
        Event = entity.GetString("Event") ?? WarningEvents.Firing,
        Warning = WarningFromEntity(entity),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        Status = Enum.TryParse<DeliveryStatus>(entity.GetString("Status"), out var status) ? status : DeliveryStatus.Pending,
        Attempts = entity.GetInt32("Attempts") ?? 0,
        NextAttemptAt = entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        LastError = entity.GetString("LastError") is { Length: > 0 } error ? error : null,
        HeldBy = entity.GetString("HeldBy") is { Length: > 0 } held ? held : null,
        SentAt = entity.GetDateTimeOffset("SentAt"),
        ClaimedUntil = entity.GetDateTimeOffset("ClaimedUntil") is { } claimed && claimed > DateTimeOffset.UnixEpoch ? claimed : null,
        Version = entity.ETag.ToString(),
    };

    /// <summary>Every row of a stream, for the domain's callers (one channel's rows, or the dashboard's active warnings); the list routes page the stream instead.</summary>
    private static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> rows)
    {
        var all = new List<T>();
        await foreach (var row in rows.ConfigureAwait(false))
        {
            all.Add(row);
        }

        return all;
    }
}
