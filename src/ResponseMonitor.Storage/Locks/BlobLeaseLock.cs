using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace ResponseMonitor.Storage.Locks;

/// <summary>
/// A singleton across instances, as the Functions host does it for timers: whoever holds the lease on a blob runs
/// the schedule. The lease is short and renewed, so a crashed holder is replaced within <see cref="LeaseDuration"/>.
/// </summary>
public sealed class BlobLeaseLock(StorageClients clients)
{
    /// <summary>How long a lease lasts unrenewed: the longest a crashed holder blocks the others.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    private readonly string _instanceLeaseId = Guid.NewGuid().ToString();

    // Container and blob exist once made; renewals then cost one request, not three.
    private readonly ConcurrentDictionary<string, bool> _prepared = new(StringComparer.Ordinal);

    /// <summary>Takes or renews the lease named <paramref name="name"/>; true while this instance holds it.</summary>
    public async Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken)
    {
        var container = clients.Blobs.GetBlobContainerClient(clients.Options.Prefix + "-locks");
        var blob = container.GetBlobClient(name);
        if (!_prepared.ContainsKey(name))
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Already there; a held lease also answers 412 to an overwrite.
            }

            _prepared[name] = true;
        }

        var lease = blob.GetBlobLeaseClient(_instanceLeaseId);
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Held by another instance (or by us: acquiring our own active lease id succeeds, so 409 means another).
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Someone removed the container or blob: make it again on the next tick.
            _prepared.TryRemove(name, out _);
            throw;
        }
    }

    /// <summary>Gives the lease up at once if this instance holds it, so that another takes over without waiting.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(clients.Options.Prefix + "-locks").GetBlobClient(name);
        try
        {
            await blob.GetBlobLeaseClient(_instanceLeaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Not ours any more, or gone: nothing to release.
        }
    }
}
