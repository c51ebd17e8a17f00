using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Storage.Tables;

namespace ResponseMonitor.Storage.Imports;

/// <summary>
/// Import jobs: the file in the <c>{prefix}-imports</c> container (<c>{channel}/{job}</c>), uploaded in 4 MB blocks
/// two at a time so that memory stays bounded whatever the size; the job's state in the <c>{prefix}ImportJobs</c>
/// table, one row per job in its channel's partition.
/// </summary>
internal sealed class BlobImportJobStore(StorageClients clients, TableProvider tables) : IImportJobStore
{
    private const int MaxStoredErrorLength = 300;
    private volatile bool _containerExists;

    public async Task<ImportJob> CreateAsync(ImportJob job, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = Blob(job);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024, MaximumConcurrency = 2 },
        }, cancellationToken).ConfigureAwait(false);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        job = job with { BytesTotal = properties.Value.ContentLength };
        await SaveAsync(job, cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async Task<ImportJob?> CreateFromUploadAsync(ImportJob job, string blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var source = Container.GetBlobClient(blobName);
        long length;
        try
        {
            length = (await source.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ContentLength;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        // The job reads the blob where it is; its row names it.
        job = job with { BytesTotal = length };
        await SaveAsync(job, blobName, cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async Task<ImportJob?> GetAsync(string channelId, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ImportJobs, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(channelId), TableKeys.Encode(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public Task SaveAsync(ImportJob job, CancellationToken cancellationToken) => SaveAsync(job, null, cancellationToken);

    public async Task<Stream?> OpenAsync(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return await (await BlobOfAsync(job, cancellationToken).ConfigureAwait(false)).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 4 * 1024 * 1024 }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteContentAsync(ImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await (await BlobOfAsync(job, cancellationToken).ConfigureAwait(false)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(ImportJob job, string? blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await tables.GetAsync(TableNames.ImportJobs, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Encode(job.ChannelId), TableKeys.Encode(job.Id))
        {
            ["ChannelId"] = job.ChannelId,
            ["Id"] = job.Id,
            ["Format"] = job.Format.ToString(),
            ["State"] = job.State.ToString(),
            ["BytesTotal"] = job.BytesTotal,
            ["BytesRead"] = job.BytesRead,
            ["Attempts"] = job.Attempts,
            ["Result"] = job.Result is null ? null : JsonSerializer.Serialize(Shortened(job.Result), ImportJobJsonContext.Default.ImportResult),
            ["LastError"] = job.LastError is { Length: > MaxStoredErrorLength } e ? e[..MaxStoredErrorLength] + "…" : job.LastError,
            ["CreatedAt"] = job.CreatedAt,
            ["StartedAt"] = job.StartedAt,
            ["CompletedAt"] = job.CompletedAt,
            ["UpdatedAt"] = job.UpdatedAt,
        };
        if (blobName is not null)
        {
            entity["Blob"] = blobName;
        }

        // Merge keeps the blob name written at creation.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static ImportResult Shortened(ImportResult result) => result with
    {
        // A row property holds 64 KB: each reported error is cut, the count of them is kept.
        Errors = result.Errors.Select(e => e.Error.Length > MaxStoredErrorLength ? e with { Error = e.Error[..MaxStoredErrorLength] + "…" } : e).ToList(),
    };

    private static ImportJob FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("Id"),
        ChannelId = e.GetString("ChannelId"),
        Format = Enum.Parse<ImportFormat>(e.GetString("Format")),
        State = Enum.Parse<ImportJobState>(e.GetString("State")),
        BytesTotal = e.GetInt64("BytesTotal") ?? 0,
        BytesRead = e.GetInt64("BytesRead") ?? 0,
        Attempts = e.GetInt32("Attempts") ?? 0,
        Result = e.GetString("Result") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, ImportJobJsonContext.Default.ImportResult) : null,
        LastError = e.GetString("LastError"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        CompletedAt = e.GetDateTimeOffset("CompletedAt"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };

    private async Task<BlobClient> BlobOfAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ImportJobs, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(job.ChannelId), TableKeys.Encode(job.Id), ["Blob"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("Blob") is { Length: > 0 } name ? Container.GetBlobClient(name) : Blob(job);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }
    }

    /// <summary>The container a caller uploads a file to before naming it in <c>?blob=</c>.</summary>
    public string ContainerName => clients.Options.Prefix + "-imports";

    private BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(ContainerName);

    private BlobClient Blob(ImportJob job) => Container.GetBlobClient($"{Uri.EscapeDataString(job.ChannelId)}/{job.Id}");
}
