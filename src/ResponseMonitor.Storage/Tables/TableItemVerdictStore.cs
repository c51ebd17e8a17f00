using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Critics.Verdicts;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Keeps verdicts on the items table's rows (<see cref="TableVerdictColumns"/>). Each write is a merge conditioned on
/// the row's ETag, read just before with the row's version and text: a row that is gone, holds another version or
/// another text, or carries a verdict judged later, is left alone, and a row that changes between the read and the
/// write refuses it (412). Ingestion replaces a row whole, so a new version of an item starts without a verdict.
/// </summary>
internal sealed class TableItemVerdictStore(TableProvider tables) : IItemVerdictStore
{
    private const int Concurrency = 16;

    private static readonly string[] Checked = ["CreatedAt", "EditedAt", "Text", TableVerdictColumns.Stamp, TableVerdictColumns.TextHash, TableVerdictColumns.JudgedAt];

    public async Task<int> SaveAsync(string channelId, IReadOnlyCollection<ItemVerdict> verdicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var table = await tables.GetAsync(TableNames.Items, cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var chunk in verdicts.DistinctBy(v => v.ItemId, StringComparer.Ordinal).Chunk(Concurrency))
        {
            var results = await Task.WhenAll(chunk.Select(v => SaveOneAsync(table, channelId, v, cancellationToken))).ConfigureAwait(false);
            written += results.Count(w => w);
        }

        return written;
    }

    private static async Task<bool> SaveOneAsync(TableClient table, string channelId, ItemVerdict verdict, CancellationToken cancellationToken)
    {
        var (partition, row) = (TableKeys.Encode(channelId), TableKeys.Encode(verdict.ItemId));
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, Checked, cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } stored || stored.GetDateTimeOffset("CreatedAt") is not { } created)
        {
            return false; // gone (deleted, swept, erased): a verdict never brings an item back
        }

        var version = stored.GetDateTimeOffset("EditedAt") is { } edited && edited > created ? edited : created;
        var kept = verdict.Verdict;
        if (version != verdict.ItemVersion || StoredVerdict.HashOf(stored.GetString("Text") ?? "") != kept.TextHash)
        {
            return false; // another version or text is stored now: the next analysis judges that one
        }

        if ((stored.GetString(TableVerdictColumns.Stamp) == kept.Stamp && stored.GetString(TableVerdictColumns.TextHash) == kept.TextHash)
            || (stored.GetDateTimeOffset(TableVerdictColumns.JudgedAt) is { } at && at > kept.JudgedAt))
        {
            return false; // kept already, or judged later by another process: an older verdict never replaces a newer one
        }

        var patch = new TableEntity(partition, row);
        TableVerdictColumns.Write(patch, kept);
        try
        {
            await table.UpdateEntityAsync(patch, stored.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false; // changed or removed since the read
        }
    }
}
