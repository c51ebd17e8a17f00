using Azure.Core;
using Azure.Core.Pipeline;

namespace ResponseMonitor.Bench;

/// <summary>
/// Counts every request the storage clients send (one request is one billed storage transaction), the queue service
/// apart from the rest when <see cref="QueueAuthority"/> is set.
/// </summary>
internal sealed class TransactionCounter : HttpPipelineSynchronousPolicy
{
    private long _tables;
    private long _queues;

    /// <summary>The queue service's host and port; requests to it count as <see cref="Queues"/>.</summary>
    public string QueueAuthority { get; set; } = "";

    public long Count => Tables + Queues;

    /// <summary>Requests to every service but the queue's (tables and blobs).</summary>
    public long Tables => Interlocked.Read(ref _tables);

    public long Queues => Interlocked.Read(ref _queues);

    /// <summary>Zeroes the counts; returns the total before.</summary>
    public long Reset() => Interlocked.Exchange(ref _tables, 0) + Interlocked.Exchange(ref _queues, 0);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (QueueAuthority.Length > 0 && string.Equals(message.Request.Uri.ToUri().Authority, QueueAuthority, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _queues);
        }
        else
        {
            Interlocked.Increment(ref _tables);
        }
    }
}
