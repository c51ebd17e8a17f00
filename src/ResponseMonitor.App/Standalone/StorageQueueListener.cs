using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// A queue trigger when no Functions host is there, with the host's semantics (host.json's <c>extensions:queues</c>):
/// polls with backoff from 100 ms up to maxPollingInterval, hides messages while they run (renewing the lease while a
/// message takes long, as the host does), deletes them on success, makes them visible again after visibilityTimeout on
/// failure, and moves them to <c>&lt;queue&gt;-poison</c> once they have failed maxDequeueCount times. Messages are
/// received raw and decoded one by one: a body that is not Base64 UTF-8 can never succeed, so it goes to the poison
/// queue at once, and the messages beside it flow on. One instance per queue-triggered function, configured by its
/// <see cref="QueueTrigger"/> and registered under the function's name (<see cref="StandaloneHost.AddStandaloneTriggers"/>).
/// </summary>
internal sealed partial class StorageQueueListener(
    QueueTrigger trigger,
    IServiceProvider services,
    StorageClients clients,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    /// <summary>The function this listener runs.</summary>
    public string Function => trigger.Function;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = QueueListenerOptions.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                delay = processed > 0 ? QueueListenerOptions.MinPollingInterval : Grow(delay);
                if (processed > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage down: keep running, back off, and catch up when it is back.
                LogListenerFault(logger, ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
                delay = Grow(delay);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Receives one batch and processes it; returns how many messages there were.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var encoded = await trigger.GetQueueAsync(services, cancellationToken).ConfigureAwait(false);
        var client = clients.RawQueues.GetQueueClient(encoded.Name);
        QueueMessage[] messages = await client.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.ProcessingLease, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(messages.Select(m => ProcessAsync(client, m, cancellationToken))).ConfigureAwait(false);
        return messages.Length;
    }

    private async Task ProcessAsync(QueueClient client, QueueMessage message, CancellationToken cancellationToken)
    {
        var maxDequeueCount = options.Value.MaxDequeueCount;
        if (message.DequeueCount > maxDequeueCount)
        {
            await MoveToPoisonAsync(client, message, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Decode(message.Body) is not { } text)
        {
            LogUndecodable(logger, message.MessageId);
            await MoveToPoisonAsync(client, message, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return;
        }

        var lease = new Lease(message.PopReceipt);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(client, message.MessageId, lease, renewal.Token);
        try
        {
            await trigger.HandleAsync(services, text, cancellationToken).ConfigureAwait(false);
            await StopAsync(renewal, renewing).ConfigureAwait(false);
            await client.DeleteMessageAsync(message.MessageId, lease.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await StopAsync(renewal, renewing).ConfigureAwait(false);
            LogMessageFailed(logger, message.MessageId, message.DequeueCount, maxDequeueCount, ex.Message, ex);
            if (message.DequeueCount >= maxDequeueCount)
            {
                await MoveToPoisonAsync(client, message, lease.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await client.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.Value.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await StopAsync(renewal, renewing).ConfigureAwait(false);
        }
    }

    private static async Task StopAsync(CancellationTokenSource renewal, Task renewing)
    {
        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps a running message hidden: every half lease its visibility is extended by a lease (each update gives a new
    /// pop receipt, which the delete then needs). A process that dies stops renewing, and the message reappears within
    /// one lease for another instance.
    /// </summary>
    private async Task RenewAsync(QueueClient client, string messageId, Lease lease, CancellationToken cancellationToken)
    {
        var every = options.Value.ProcessingLease / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
                var receipt = await client.UpdateMessageAsync(messageId, lease.PopReceipt, visibilityTimeout: options.Value.ProcessingLease, cancellationToken: cancellationToken).ConfigureAwait(false);
                lease.PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // The message may reappear for another instance; what it does is guarded by the function itself.
            LogListenerFault(logger, "lease renewal failed: " + ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient client, QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        // Raw on both sides: the poison copy holds the same bytes as the wire, Base64 or not.
        var poison = clients.RawQueues.GetQueueClient(client.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // Copy first, then delete: a crash in between leaves a duplicate in poison, never a lost message.
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, message.MessageId, poison.Name, message.DequeueCount);
    }

    /// <summary>The message text, or null when the body is not Base64 of UTF-8 (the encoding host.json names).</summary>
    public static string? Decode(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var wire = body.ToString();
        var bytes = new byte[wire.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(wire, bytes, out var length))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TimeSpan Grow(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxPollingInterval.Ticks));

    /// <summary>The pop receipt a message is held by; renewals replace it.</summary>
    private sealed class Lease(string popReceipt)
    {
        public string PopReceipt { get; set; } = popReceipt;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue listener fault, backing off: {Error}")]
    private static partial void LogListenerFault(ILogger logger, string error, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} failed (delivery {DequeueCount} of {MaxDequeueCount}): {Error}")]
    private static partial void LogMessageFailed(ILogger logger, string messageId, long dequeueCount, int maxDequeueCount, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} is not Base64-encoded UTF-8 and can never be processed; it goes to the poison queue")]
    private static partial void LogUndecodable(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string poisonQueue, long dequeueCount);
}
