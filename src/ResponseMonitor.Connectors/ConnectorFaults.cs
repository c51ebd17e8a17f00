using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors;

/// <summary>How every connector turns transport faults (no connection, time-outs) into a <see cref="ConnectorException"/>.</summary>
internal static class ConnectorFaults
{
    /// <summary>True for a fault of the transport rather than of our own cancellation.</summary>
    public static bool IsTransport(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
        || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <param name="exception">The transport fault.</param>
    /// <param name="source">What was being read, e.g. "Mastodon statuses page 2".</param>
    public static ConnectorException Transport(Exception exception, string source) => exception is HttpRequestException
        ? new ConnectorException($"{source} could not be read: {exception.Message}", exception)
        : new ConnectorException($"{source} timed out.", exception);
}
