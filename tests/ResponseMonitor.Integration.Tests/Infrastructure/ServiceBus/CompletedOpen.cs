namespace ResponseMonitor.Integration.Tests.Infrastructure.ServiceBus;

/// <summary>The broker decides a link attach at once: an <see cref="IAsyncResult"/> that is already complete.</summary>
internal sealed class CompletedOpen : IAsyncResult
{
    public CompletedOpen(AsyncCallback? callback, object? state)
    {
        AsyncState = state;
        callback?.Invoke(this);
    }

    public object? AsyncState { get; }

    public WaitHandle AsyncWaitHandle => throw new NotSupportedException("The open completed synchronously.");

    public bool CompletedSynchronously => true;

    public bool IsCompleted => true;
}
