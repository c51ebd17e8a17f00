using Azure.Core;
using Azure.Core.Pipeline;

namespace ResponseMonitor.Bench;

/// <summary>Counts every request the storage clients send (one request is one billed storage transaction).</summary>
internal sealed class TransactionCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public long Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
