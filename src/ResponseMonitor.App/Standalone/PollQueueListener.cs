using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// The PollChannel queue trigger when no Functions host is there (<see cref="StorageQueueListener"/>): every standalone process against one storage
/// account runs one, so they share a cycle's poll messages as Azure instances do.
/// </summary>
public sealed class PollQueueListener(
    StoragePollQueue queue,
    StorageClients clients,
    PollChannelFunction function,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILogger<PollQueueListener> logger) : StorageQueueListener(clients, options, time, logger)
{
    protected override Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken) => queue.GetQueueAsync(cancellationToken);

    protected override Task HandleAsync(string message, CancellationToken cancellationToken) => function.RunAsync(message, cancellationToken);
}
