using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>
    /// Reads a successful JSON answer; a non-success status or a body that is not the expected JSON becomes a
    /// <see cref="ConnectorException"/> naming <paramref name="source"/>. Platform-specific statuses (refused tokens,
    /// rate limits) are for the caller to check first.
    /// </summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string source, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"{source} answered HTTP {(int)response.StatusCode}.");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"{source} is not the expected JSON: {ex.Message.Split('.')[0]}.", ex);
        }
    }
}
