using Azure.Core;
using Azure.Core.Pipeline;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>Counts every request the app's storage clients send, as a policy in their own pipeline.</summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
