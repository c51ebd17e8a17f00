using Azure;
using Azure.Storage.Blobs;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Blobs;

/// <summary>
/// Critic models in the <c>{prefix}-models</c> container, one blob per brand (<c>critics/{brand}.model</c>, the brand
/// lower-cased and escaped). A blob, not a table row: a model runs to a few MB, past an entity's 1 MB.
/// </summary>
internal sealed class BlobCriticModelStore(StorageClients clients) : ICriticModelStore
{
    private volatile bool _containerExists;

    public async Task<byte[]?> GetAsync(string brand, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob(brand).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(string brand, byte[] model, CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerExists = true;
        }

        await Blob(brand).UploadAsync(BinaryData.FromBytes(model), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string brand, CancellationToken cancellationToken)
    {
        try
        {
            return await Blob(brand).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(clients.Options.Prefix + "-models");

    private BlobClient Blob(string brand) => Container.GetBlobClient("critics/" + Uri.EscapeDataString(brand.ToLowerInvariant()) + ".model");
}
