using Azure.Data.Tables;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Entity group transactions as the service allows them: one partition, at most 100 actions and about 4 MiB of
/// payload per batch. Callers give actions for one partition; this cuts them into legal batches.
/// </summary>
internal static class TableBatches
{
    private const int MaxActions = 100;

    // The service limit is 4 MiB; leave room for the multipart envelope.
    private const int MaxPayloadBytes = 3 * 1024 * 1024;

    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, Func<TableTransactionAction, int> sizeOf, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>(MaxActions);
        var bytes = 0;
        var transactions = 0;
        foreach (var action in actions)
        {
            var size = sizeOf(action);
            if (batch.Count == MaxActions || (batch.Count > 0 && bytes + size > MaxPayloadBytes))
            {
                await SubmitOneAsync(table, batch, cancellationToken).ConfigureAwait(false);
                transactions++;
                batch = new List<TableTransactionAction>(MaxActions);
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            await SubmitOneAsync(table, batch, cancellationToken).ConfigureAwait(false);
            transactions++;
        }

        return transactions;
    }

    private static async Task SubmitOneAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == MissingResourcePolicy.TableNotFound)
        {
            // The table went away under the app (storage came back empty): make it again and send the batch once more.
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}
