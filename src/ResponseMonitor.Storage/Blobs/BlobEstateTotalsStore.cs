using Azure;
using Azure.Storage.Blobs;
using ResponseMonitor.Domain.Estate;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Blobs;

/// <summary>
/// The estate's totals as one JSON blob, <c>{prefix}-dashboard/estate-totals.json</c>, replaced whole by each
/// computation: one read for a request, and a reader never sees half of one computation beside half of another. A
/// blob, not a table row: each brand's scores make it grow with the brands, past a property's 64 KB.
/// </summary>
public sealed class BlobEstateTotalsStore(StorageClients clients) : IEstateTotalsStore
{
    private volatile bool _containerExists;

    /// <inheritdoc/>
    public async Task<EstateTotals?> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson(EstateTotalsJsonContext.Default.EstateTotals);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task SaveAsync(EstateTotals totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        if (!_containerExists)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        await Blob.UploadAsync(BinaryData.FromObjectAsJson(totals, EstateTotalsJsonContext.Default.EstateTotals), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(clients.Options.Prefix + "-dashboard");

    private BlobClient Blob => Container.GetBlobClient("estate-totals.json");
}
