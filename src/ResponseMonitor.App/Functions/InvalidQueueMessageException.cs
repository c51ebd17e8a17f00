namespace ResponseMonitor.App.Functions;

/// <summary>A queue message that is not an analysis request. It fails, and after maxDequeueCount lands in the poison queue.</summary>
public sealed class InvalidQueueMessageException : Exception
{
    public InvalidQueueMessageException()
    {
    }

    public InvalidQueueMessageException(string message)
        : base(message)
    {
    }

    public InvalidQueueMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
