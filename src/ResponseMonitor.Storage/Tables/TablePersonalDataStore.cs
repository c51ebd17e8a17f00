using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Retention and the rights of one author over the tables. Finding by author or age is a query of the channel's
/// partition (the service filters it; a page is up to 1,000 rows); deletes and redactions go in batches of 100 per
/// partition. The Privacy table holds, per channel, <c>erased|{author key}</c> rows (no author id: a hash) and the
/// <c>sweep</c> row with the last sweep's time; per brand (<c>brand|{brand}</c>), the <c>retrain</c> row an erasure leaves.
/// </summary>
internal sealed class TablePersonalDataStore(TableProvider tables) : IPersonalDataStore
{
    private const string ErasedPrefix = "erased|";
    private const string SweepRow = "sweep";
    private const string RetrainRow = "retrain";

    public async Task<IReadOnlyList<ContentItem>> GetItemsByAuthorAsync(string channelId, string authorId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and AuthorId eq {authorId}");
        var result = new List<ContentItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(TableItemStore.FromEntity(entity));
        }

        return result;
    }

    public async Task<IReadOnlyList<ExpiredItem>> GetItemsCreatedBeforeAsync(string channelId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and CreatedAt lt {cutoff.UtcDateTime}");
        var result = new List<ExpiredItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "ItemId", "AuthorId", "Kind"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ExpiredItem(
                entity.GetString("ItemId") ?? TableKeys.Decode(entity.RowKey),
                entity.GetString("AuthorId") ?? "",
                Enum.TryParse<ItemKind>(entity.GetString("Kind"), out var kind) ? kind : ItemKind.Comment));
        }

        return result;
    }

    public Task<int> DeleteItemsAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken) =>
        DeleteExistingAsync(TableNames.Items, channelId, itemIds, cancellationToken);

    public Task<int> DeleteOpenAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken) =>
        DeleteExistingAsync(TableNames.OpenComments, channelId, itemIds, cancellationToken);

    public async Task<WarningRowCounts> DeleteWarningRowsBeforeAsync(string channelId, DateTimeOffset cutoff, DateTimeOffset deliveryCutoff, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Encode(channelId);

        // History rows are keyed by time (h|{ticks}|…): the old ones are a key range, read without a scan.
        var history = await KeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"h|"} and RowKey lt {"h|" + cutoff.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}"), cancellationToken).ConfigureAwait(false);
        var warnings = await KeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"w|"} and RowKey lt {"w}"} and State eq {nameof(WarningState.Resolved)} and UpdatedAt lt {cutoff.UtcDateTime}"), cancellationToken).ConfigureAwait(false);
        var deliveries = await KeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"d|"} and RowKey lt {"d}"} and Status ne {"Pending"} and CreatedAt lt {deliveryCutoff.UtcDateTime}"), cancellationToken).ConfigureAwait(false);
        await TableBatches.SubmitAsync(table, history.Concat(warnings).Concat(deliveries).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All)), _ => 256, cancellationToken).ConfigureAwait(false);
        return new WarningRowCounts(warnings.Count, history.Count, deliveries.Count);
    }

    public async Task<WarningRowCounts> RedactWarningRowsAsync(string channelId, IReadOnlySet<string> subjects, string replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0)
        {
            return WarningRowCounts.None;
        }

        var table = await tables.GetAsync(TableNames.Warnings, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Encode(channelId);
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("Subject") is { } subject && subjects.Contains(subject) && (entity.GetString("Message") != replacement || entity.GetString("ItemUrl") is not null))
            {
                // Everything else stays as it was (state, times, attempts): only what quotes the author goes.
                entity["Message"] = replacement;
                entity.Remove("ItemUrl");
                rows.Add(entity);
            }
        }

        // Replace, guarded by each row's ETag: a row that changed meanwhile fails the batch, and the erasure is retried.
        await TableBatches.SubmitAsync(table, rows.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateReplace, e, e.ETag)), _ => 2048, cancellationToken).ConfigureAwait(false);
        return new WarningRowCounts(
            rows.Count(e => e.RowKey.StartsWith("w|", StringComparison.Ordinal)),
            rows.Count(e => e.RowKey.StartsWith("h|", StringComparison.Ordinal)),
            rows.Count(e => e.RowKey.StartsWith("d|", StringComparison.Ordinal)));
    }

    public async Task RecordErasedAuthorAsync(string channelId, string authorKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(channelId), ErasedPrefix + authorKey) { ["ErasedAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> GetErasedAuthorsAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        var keys = await KeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and RowKey ge {ErasedPrefix} and RowKey lt {"erased}"}"), cancellationToken).ConfigureAwait(false);
        return keys.Select(k => k[ErasedPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastSweepsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {SweepRow}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("SweptAt") is { } at)
            {
                result[TableKeys.Decode(row.PartitionKey)] = at;
            }
        }

        return result;
    }

    public async Task RecordSweepAsync(string channelId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(channelId), SweepRow) { ["SweptAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordRetrainRequestAsync(string brand, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(BrandPartition(brand), RetrainRow) { ["RequestedAt"] = at }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> GetRetrainRequestAsync(string brand, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Privacy, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(BrandPartition(brand), RetrainRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetDateTimeOffset("RequestedAt") : null;
    }

    // Brands share the table with channels: a prefix no channel id partition can take (channel ids are escaped keys).
    private static string BrandPartition(string brand) => "brand|" + TableKeys.Encode(brand.ToLowerInvariant());

    /// <summary>Deletes the rows of these ids that exist; a batch delete of a missing row would fail the whole batch.</summary>
    private async Task<int> DeleteExistingAsync(string logicalTable, string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return 0;
        }

        var table = await tables.GetAsync(logicalTable, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Encode(channelId);
        // Looked up by key, 50 at a time: cost follows what is deleted, not the size of the partition.
        var existing = new List<string>();
        foreach (var chunk in itemIds.Distinct(StringComparer.Ordinal).Select(TableKeys.Encode).Chunk(50))
        {
            var keys = string.Join(" or ", chunk.Select(key => TableClient.CreateQueryFilter($"RowKey eq {key}")));
            existing.AddRange(await KeysAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and (" + keys + ")", cancellationToken).ConfigureAwait(false));
        }

        await TableBatches.SubmitAsync(table, existing.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All)), _ => 256, cancellationToken).ConfigureAwait(false);
        return existing.Count;
    }

    private static async Task<List<string>> KeysAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }
}
