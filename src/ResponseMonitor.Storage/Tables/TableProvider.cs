using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// Hands out table clients, creating each table on first use. A failed creation is retried on the next use, so the
/// app starts while storage is down and catches up when it is back.
/// </summary>
internal sealed class TableProvider(StorageClients clients)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(logicalName, lazy));
            throw;
        }
    }

    public string NameOf(string logicalName) => clients.Options.Prefix + logicalName;

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var client = clients.Tables.GetTableClient(NameOf(logicalName));
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }
}
