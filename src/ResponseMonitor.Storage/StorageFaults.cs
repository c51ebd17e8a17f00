using Azure;

namespace ResponseMonitor.Storage;

/// <summary>Tells storage outages from other failures.</summary>
public static class StorageFaults
{
    /// <summary>
    /// True for storage being unreachable or refusing (the SDK's retries exhausted): an expected condition during an
    /// outage, logged as one line rather than a stack trace on every backoff.
    /// </summary>
    /// <remarks>
    /// A hung account shows as a time-out rather than a refusal: the SDK gives up on a request after the client's
    /// NetworkTimeout with a TaskCanceledException (or TimeoutException), wrapped in an AggregateException once its
    /// retries are spent. Callers pass their own token's state so that a caller's cancellation is not taken for an outage.
    /// </remarks>
    public static bool IsOutage(Exception exception) => exception switch
    {
        // A 4xx is storage refusing this request (a key too long, a value too large): retrying never helps, so it is
        // no outage. Only 408 and 429 say "later", and no answer at all (status 0) is the network.
        RequestFailedException failed => !IsRefusal(failed),
        TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => IsOutage(e) || e is OperationCanceledException),
        _ => false,
    };

    /// <summary>
    /// An outage as <see cref="IsOutage(Exception)"/>, or a cancellation that the caller did not ask for: the storage
    /// client's own time-out.
    /// </summary>
    public static bool IsOutage(Exception exception, CancellationToken callerToken) =>
        IsOutage(exception) || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>Storage refused the request itself (a 4xx other than 408 and 429): answer the caller a 4xx, never a 503.</summary>
    public static bool IsRefusal(RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // A missing table or queue is storage that came back empty, not a refused input: it is made again by the next
        // request (MissingResourcePolicy), so "retry later" is true of it.
        return exception.Status is >= 400 and < 500 and not 408 and not 429
            && exception.ErrorCode is not (MissingResourcePolicy.TableNotFound or MissingResourcePolicy.QueueNotFound or "ContainerNotFound" or "TableBeingDeleted" or "QueueBeingDeleted");
    }
}
