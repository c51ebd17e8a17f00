namespace ResponseMonitor.Domain.Ports;

/// <summary>A channel's source failed or answered something unusable. The message is safe to log: it names no secret.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>A platform failure with no message.</summary>
    public ConnectorException()
    {
    }

    /// <summary>A platform failure, described for a person.</summary>
    public ConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>A platform failure, described for a person, with its cause.</summary>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
