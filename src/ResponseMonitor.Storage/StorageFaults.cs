using Azure;

namespace ResponseMonitor.Storage;

public static class StorageFaults
{
    /// <summary>
    /// True for storage being unreachable or refusing (the SDK's retries exhausted): an expected condition during an
    /// outage, logged as one line rather than a stack trace on every backoff.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsOutage),
        _ => false,
    };
}
