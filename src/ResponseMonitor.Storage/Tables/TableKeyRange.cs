using Azure.Data.Tables;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Rows of a set of ids in one partition read as one <c>RowKey</c> range query: a filter may hold only 15 comparisons,
/// and an "or" of row keys makes the service scan the partition, while a range is a seek
/// (learn.microsoft.com/rest/api/storageservices/querying-tables-and-entities; the Table design guide). Meant for ids
/// adjacent in key order (a poll batch, a dashboard page's run); rows in the range outside the set are dropped.
/// </summary>
internal static class TableKeyRange
{
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(TableClient table, string partition, IReadOnlyCollection<string> ids, Func<TableEntity, T> map, Func<T, string> idOf, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = ids.Select(TableKeys.Encode).Order(StringComparer.Ordinal).ToList();
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
        var result = new List<T>(wanted.Count);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var row = map(entity);
            if (wanted.Contains(idOf(row)))
            {
                result.Add(row);
            }
        }

        return result;
    }
}
