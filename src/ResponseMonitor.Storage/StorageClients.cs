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
        var blobOptions = new BlobClientOptions();
        foreach (var client in new ClientOptions[] { tableOptions, queueOptions, blobOptions })
        {
            client.Retry.MaxRetries = Options.MaxRetries;
            client.Retry.Delay = TimeSpan.FromMilliseconds(200);
            client.Retry.NetworkTimeout = Options.NetworkTimeout;
            foreach (var policy in extra)
            {
                client.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }
        }

        if (!string.IsNullOrWhiteSpace(Options.ConnectionString))
        {
            Tables = new TableServiceClient(Options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(Options.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(Options.ConnectionString, blobOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(Options.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(Options.ClientId));
            Tables = new TableServiceClient(Options.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(Options.QueueServiceUri!, credential, queueOptions);
            Blobs = new BlobServiceClient(Options.BlobServiceUri!, credential, blobOptions);
        }
    }

    public StorageOptions Options { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }
}
