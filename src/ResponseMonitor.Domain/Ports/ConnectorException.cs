namespace ResponseMonitor.Domain.Ports;

/// <summary>A channel's source failed or answered something unusable. The message is safe to log: it names no secret.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
