using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace ResponseMonitor.Storage;

/// <summary>The service clients, built once from <see cref="StorageOptions"/>: connection string or managed identity.</summary>
public sealed class StorageClients
{
    /// <param name="options">Where and how to connect.</param>
    /// <param name="policies">Extra pipeline policies for every client (the benchmark counts transactions with one).</param>
    public StorageClients(IOptions<StorageOptions> options, IEnumerable<HttpPipelinePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policies);
        var extra = policies.ToList();
        Options = options.Value;
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var rawQueueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var blobOptions = new BlobClientOptions();
        foreach (var client in new ClientOptions[] { tableOptions, queueOptions, rawQueueOptions, blobOptions })
        {
            client.Retry.MaxRetries = Options.MaxRetries;
            client.Retry.Delay = TimeSpan.FromMilliseconds(200);
            client.Retry.NetworkTimeout = Options.NetworkTimeout;
            foreach (var policy in extra)
            {
                client.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }
        }

        // Storage that comes back empty heals on the next request: the missing table or queue is made again.
        tableOptions.AddPolicy(new MissingResourcePolicy(MissingResourcePolicy.TableNotFound, MissingResourcePolicy.TableOf, (name, ct) => Tables!.CreateTableIfNotExistsAsync(name, ct)), HttpPipelinePosition.PerCall);
        foreach (var queueOptionsOf in new[] { queueOptions, rawQueueOptions })
        {
            queueOptionsOf.AddPolicy(new MissingResourcePolicy(MissingResourcePolicy.QueueNotFound, MissingResourcePolicy.QueueOf, (name, ct) => Queues!.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: ct)), HttpPipelinePosition.PerCall);
        }

        if (!string.IsNullOrWhiteSpace(Options.ConnectionString))
        {
            Tables = new TableServiceClient(Options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(Options.ConnectionString, queueOptions);
            RawQueues = new QueueServiceClient(Options.ConnectionString, rawQueueOptions);
            Blobs = new BlobServiceClient(Options.ConnectionString, blobOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(Options.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(Options.ClientId));
            Tables = new TableServiceClient(Options.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(Options.QueueServiceUri!, credential, queueOptions);
            RawQueues = new QueueServiceClient(Options.QueueServiceUri!, credential, rawQueueOptions);
            Blobs = new BlobServiceClient(Options.BlobServiceUri!, credential, blobOptions);
        }
    }

    /// <summary>The validated settings the clients were made from.</summary>
    public StorageOptions Options { get; }

    /// <summary>The account's Table Storage.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>Queues with Base64 message bodies, as the Functions host writes and reads them.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>
    /// The same queues without decoding: a reader sees each message as it is on the wire, so one body that is not
    /// Base64 fails alone instead of failing the whole receive.
    /// </summary>
    public QueueServiceClient RawQueues { get; }

    /// <summary>The account's Blob Storage (leases, import files, critic models).</summary>
    public BlobServiceClient Blobs { get; }
}
