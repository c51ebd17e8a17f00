using System.Globalization;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Handling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Handled table: PartitionKey = channel id. RowKey "m|{itemId}" is the comment's mark (kept when undone, with who and
/// when); "h|{itemId}|{ticks}" rows are its history, one per event. A mark and its event go in one transaction, so the
/// history never misses a change.
/// </summary>
internal sealed class TableHandledMarkStore(TableProvider tables) : IHandledMarkStore
{
    private const string MarkPrefix = "m|";
    private const string HistoryPrefix = "h|";

    public async Task<IReadOnlyDictionary<string, HandledMark>> GetActiveAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Handled, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and RowKey ge {MarkPrefix} and RowKey lt {"m}"}");
        var result = new Dictionary<string, HandledMark>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (FromEntity(entity) is { IsActive: true } mark)
            {
                result[mark.ItemId] = mark;
            }
        }

        return result;
    }

    public async Task<HandledMark?> GetAsync(string channelId, string itemId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Handled, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(channelId), MarkPrefix + TableKeys.Encode(itemId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task SaveAsync(HandledMark mark, HandledEvent history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(history);
        var table = await tables.GetAsync(TableNames.Handled, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Encode(mark.ChannelId);
        var markRow = new TableEntity(partition, MarkPrefix + TableKeys.Encode(mark.ItemId))
        {
            ["ChannelId"] = mark.ChannelId,
            ["ItemId"] = mark.ItemId,
            ["Reason"] = HandledReasons.Name(mark.Reason),
            ["MarkedBy"] = mark.MarkedBy,
            ["Note"] = mark.Note,
            ["MarkedAt"] = mark.MarkedAt,
            ["UndoneAt"] = mark.UndoneAt,
            ["UndoneBy"] = mark.UndoneBy,
            ["WasWaiting"] = mark.WasWaiting,
        };
        var ticks = history.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var eventRow = new TableEntity(partition, $"{HistoryPrefix}{TableKeys.Encode(history.ItemId)}|{ticks}")
        {
            ["ChannelId"] = history.ChannelId,
            ["ItemId"] = history.ItemId,
            ["Event"] = history.Event,
            ["Reason"] = HandledReasons.Name(history.Reason),
            ["By"] = history.By,
            ["Note"] = history.Note,
            ["At"] = history.At,
        };

        // Upserts both: two requests in the same tick for the same comment leave one event, not a failure.
        await table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpsertReplace, markRow), new TableTransactionAction(TableTransactionActionType.UpsertReplace, eventRow)],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HandledEvent>> GetHistoryAsync(string channelId, string itemId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Handled, cancellationToken).ConfigureAwait(false);
        var prefix = $"{HistoryPrefix}{TableKeys.Encode(itemId)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var result = new List<HandledEvent>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // An id that itself holds '|' could share the prefix: the stored id decides.
            if (e.GetString("ItemId") == itemId && HandledReasons.TryParse(e.GetString("Reason"), out var reason))
            {
                result.Add(new HandledEvent(e.GetString("ChannelId") ?? channelId, itemId, e.GetString("Event") ?? "", reason, e.GetString("By"), e.GetString("Note"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
            }
        }

        return [.. result.OrderBy(h => h.At)];
    }

    private static HandledMark? FromEntity(TableEntity e) =>
        HandledReasons.TryParse(e.GetString("Reason"), out var reason)
            ? new HandledMark
            {
                ChannelId = e.GetString("ChannelId") ?? TableKeys.Decode(e.PartitionKey),
                ItemId = e.GetString("ItemId") ?? TableKeys.Decode(e.RowKey[MarkPrefix.Length..]),
                Reason = reason,
                MarkedBy = e.GetString("MarkedBy") ?? "",
                Note = e.GetString("Note"),
                MarkedAt = e.GetDateTimeOffset("MarkedAt") ?? DateTimeOffset.MinValue,
                UndoneAt = e.GetDateTimeOffset("UndoneAt"),
                UndoneBy = e.GetString("UndoneBy"),
                WasWaiting = e.GetBoolean("WasWaiting") ?? false,
            }
            : null;
}
