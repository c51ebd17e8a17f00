using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Items table: PartitionKey = channel id, RowKey = item id (both escaped). Upserts replace by key, so the same
/// comment written twice is one entity and an edit overwrites it.
/// </summary>
internal sealed class TableItemStore(TableProvider tables) : IItemStore
{
    // A string property holds at most 64 KiB (32 K UTF-16 chars); comments longer than that are cut.

    public async Task UpsertAsync(string channelId, IReadOnlyCollection<ContentItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var actions = items
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(channelId, g.Last())));
        await TableBatches.SubmitAsync(table, actions, a => 512 + (2 * ((TableEntity)a.Entity).GetString("Text")!.Length), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, ContentItem>> GetAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var ids = itemIds.Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        if (ids.Count == 1)
        {
            // One id: a point read, the cheapest read there is.
            var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(channelId), TableKeys.Encode(ids[0]), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.HasValue && response.Value is { } entity)
            {
                found[ids[0]] = FromEntity(entity);
            }

            return found;
        }

        // Several: one query per 14 ids (a filter may hold at most 15 comparisons, one of them the partition's), a few at once.
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)}");
        foreach (var group in ids.Chunk(MaxIdsPerQuery).Chunk(4))
        {
            var queries = group.Select(chunk => QueryAsync($"{partition} and ({string.Join(" or ", chunk.Select(id => TableClient.CreateQueryFilter($"RowKey eq {TableKeys.Encode(id)}")))})", cancellationToken));
            foreach (var item in (await Task.WhenAll(queries).ConfigureAwait(false)).SelectMany(r => r))
            {
                found[item.Id] = item;
            }
        }

        return found;
    }

    public async Task DeleteAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var actions = itemIds.Distinct(StringComparer.Ordinal)
            .Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TableKeys.Encode(channelId), TableKeys.Encode(id)), ETag.All));
        foreach (var chunk in actions.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // One row of the batch was already gone (deleted twice, or swept): delete the rest one by one.
                foreach (var action in chunk)
                {
                    await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
    /// <summary>Row keys per query: Table Storage allows 15 comparisons in a filter, and the partition takes one.</summary>
    private const int MaxIdsPerQuery = 14;
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetVersionsAsync(string channelId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        string[] times = ["CreatedAt", "EditedAt"];
        foreach (var chunk in itemIds.Distinct(StringComparer.Ordinal).Chunk(32))
        {
            var reads = chunk.Select(async id => (Id: id, Response: await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(channelId), TableKeys.Encode(id), times, cancellationToken).ConfigureAwait(false)));
            foreach (var (id, response) in await Task.WhenAll(reads).ConfigureAwait(false))
            {
                if (response.HasValue && response.Value is { } entity && entity.GetDateTimeOffset("CreatedAt") is { } created)
                {
                    versions[id] = entity.GetDateTimeOffset("EditedAt") is { } edited && edited > created ? edited : created;
                }
            }
        }

        return versions;
    }

    public Task<IReadOnlyList<ContentItem>> GetCreatedSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and CreatedAt ge {since.UtcDateTime}"), cancellationToken);

    public Task<IReadOnlyList<ContentItem>> GetCreatedBetweenAsync(string channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(channelId)} and CreatedAt ge {from.UtcDateTime} and CreatedAt lt {to.UtcDateTime}"), cancellationToken);

    private async Task<IReadOnlyList<ContentItem>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var result = new List<ContentItem>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    internal static TableEntity ToEntity(string channelId, ContentItem item)
    {
        var entity = Columns(channelId, item);
        TableVerdictColumns.Write(entity, item.Critic);
        return entity;
    }

    private static TableEntity Columns(string channelId, ContentItem item) => new(TableKeys.Encode(channelId), TableKeys.Encode(item.Id))
    {
        ["ItemId"] = item.Id,
        ["ParentId"] = item.ParentId,
        ["Kind"] = item.Kind.ToString(),
        ["AuthorId"] = item.AuthorId,
        ["AuthorName"] = item.AuthorName,
        ["CreatedAt"] = item.CreatedAt.ToUniversalTime(),
        ["EditedAt"] = item.EditedAt?.ToUniversalTime(),
        ["Text"] = item.Text,
        ["ThreadId"] = item.ThreadId,
        ["Url"] = item.Url,
        ["Truncated"] = item.Truncated ? true : null,
        ["State"] = item.State == ItemState.Visible ? null : item.State.ToString(),
    };

    internal static ContentItem FromEntity(TableEntity entity) => new()
    {
        Id = entity.GetString("ItemId") ?? TableKeys.Decode(entity.RowKey),
        ParentId = entity.GetString("ParentId"),
        Kind = Enum.TryParse<ItemKind>(entity.GetString("Kind"), out var kind) ? kind : ItemKind.Comment,
        AuthorId = entity.GetString("AuthorId") ?? "",
        AuthorName = entity.GetString("AuthorName"),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        EditedAt = entity.GetDateTimeOffset("EditedAt"),
        Text = entity.GetString("Text") ?? "",
        ThreadId = entity.GetString("ThreadId") ?? "",
        Url = entity.GetString("Url"),
        Truncated = entity.GetBoolean("Truncated") ?? false,
        State = Enum.TryParse<ItemState>(entity.GetString("State"), out var state) ? state : ItemState.Visible,
        Critic = TableVerdictColumns.Read(entity),
    };

    internal static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;
}
