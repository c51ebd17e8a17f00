using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App.Standalone;

/// <summary>
/// A queue trigger when no Functions host is there: polls with backoff from 100 ms up to
/// maxPollingInterval, hides messages while they run, deletes them on success, makes them visible again after
/// visibilityTimeout on failure, and moves them to <c>&lt;queue&gt;-poison</c> once they have failed maxDequeueCount times.
/// Messages are received raw and decoded one by one: a body that is not Base64 UTF-8 can never succeed, so it goes to
/// the poison queue at once, and the messages beside it flow on. A message that runs long (an import) has its lease
/// renewed while it runs, as the Functions host does, so that no other instance takes it meanwhile.
/// </summary>
public abstract partial class StorageQueueListener(
    StorageClients clients,
    IOptions<QueueListenerOptions> options,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    /// <summary>The queue, created if need be (Base64 client; it is read raw).</summary>
    protected abstract Task<QueueClient> GetQueueAsync(CancellationToken cancellationToken);

    /// <summary>Runs the function for one decoded message; throwing leaves it for a retry.</summary>
    protected abstract Task HandleAsync(string message, CancellationToken cancellationToken);

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
        var encoded = await GetQueueAsync(cancellationToken).ConfigureAwait(false);
        var client = clients.RawQueues.GetQueueClient(encoded.Name);
        QueueMessage[] messages = await client.ReceiveMessagesAsync(options.Value.BatchSize, QueueListenerOptions.ProcessingLease, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(messages.Select(m => ProcessAsync(client, m, cancellationToken))).ConfigureAwait(false);
        return messages.Length;
    }

    private async Task ProcessAsync(QueueClient client, QueueMessage message, CancellationToken cancellationToken)
    {
        var maxDequeueCount = options.Value.MaxDequeueCount;
        if (message.DequeueCount > maxDequeueCount)
        {
            await MoveToPoisonAsync(client, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Decode(message.Body) is not { } text)
        {
            LogUndecodable(logger, message.MessageId);
            await MoveToPoisonAsync(client, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var receipt = message.PopReceipt;
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewLeaseAsync(client, message.MessageId, r => receipt = r, () => receipt, renewal.Token);
        try
        {
            await HandleAsync(text, cancellationToken).ConfigureAwait(false);
            await StopRenewingAsync(renewal, renewing).ConfigureAwait(false);
            await client.DeleteMessageAsync(message.MessageId, receipt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await StopRenewingAsync(renewal, renewing).ConfigureAwait(false);
            message = message.Update(QueuesModelFactory.UpdateReceipt(receipt, message.NextVisibleOn ?? time.GetUtcNow()));
            LogMessageFailed(logger, message.MessageId, message.DequeueCount, maxDequeueCount, ex.Message, ex);
            if (message.DequeueCount >= maxDequeueCount)
            {
                await MoveToPoisonAsync(client, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.Value.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Every half lease, hides the running message for another lease; the newest pop receipt is kept for the delete.</summary>
    private async Task RenewLeaseAsync(QueueClient client, string messageId, Action<string> setReceipt, Func<string> receipt, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(QueueListenerOptions.ProcessingLease / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var updated = await client.UpdateMessageAsync(messageId, receipt(), visibilityTimeout: QueueListenerOptions.ProcessingLease, cancellationToken: cancellationToken).ConfigureAwait(false);
                setReceipt(updated.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Azure.RequestFailedException ex)
        {
            LogLeaseNotRenewed(logger, messageId, ex.Message);
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewal, Task renewing)
    {
        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
    }

    private async Task MoveToPoisonAsync(QueueClient client, QueueMessage message, CancellationToken cancellationToken)
    {
        // Raw on both sides: the poison copy holds the same bytes as the wire, Base64 or not.
        var poison = clients.RawQueues.GetQueueClient(client.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // Copy first, then delete: a crash in between leaves a duplicate in poison, never a lost message.
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId}'s lease could not be renewed: {Error}")]
    private static partial void LogLeaseNotRenewed(ILogger logger, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue listener fault, backing off: {Error}")]
    private static partial void LogListenerFault(ILogger logger, string error, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} failed (delivery {DequeueCount} of {MaxDequeueCount}): {Error}")]
    private static partial void LogMessageFailed(ILogger logger, string messageId, long dequeueCount, int maxDequeueCount, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} is not Base64-encoded UTF-8 and can never be processed; it goes to the poison queue")]
    private static partial void LogUndecodable(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} moved to {PoisonQueue} after {DequeueCount} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string poisonQueue, long dequeueCount);
}
