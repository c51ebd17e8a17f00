using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Standalone;

/// <summary>The RunImport queue trigger when no Functions host is there (<see cref="StorageQueueListener"/>).</summary>
public sealed class ImportQueueListener(
    StorageImportQueue queue,
    StorageClients clients,
    RunImportFunction function,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILogger<ImportQueueListener> logger) : StorageQueueListener(clients, options, time, logger)
{
    protected override Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken) => queue.GetQueueAsync(cancellationToken);

    protected override Task HandleAsync(string message, CancellationToken cancellationToken) => function.RunAsync(message, cancellationToken);
}
