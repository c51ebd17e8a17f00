namespace ResponseMonitor.App.Functions;

/// <summary>A queue message that is not what its function takes (an analysis request, a poll batch). It fails, and after maxDequeueCount lands in the poison queue.</summary>
internal sealed class InvalidQueueMessageException : Exception
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
