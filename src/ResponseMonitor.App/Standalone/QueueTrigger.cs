using Azure.Storage.Queues;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// One queue-triggered function as the standalone host runs it: the function's name (the key its
/// <see cref="StorageQueueListener"/> is registered under), how to get its queue (created if need be; its name is what
/// counts, the listener reads it raw), and what to run on one decoded message (an exception fails the delivery).
/// </summary>
internal sealed record QueueTrigger(
    string Function,
    Func<IServiceProvider, CancellationToken, Task<QueueClient>> GetQueueAsync,
    Func<IServiceProvider, string, CancellationToken, Task> HandleAsync);
