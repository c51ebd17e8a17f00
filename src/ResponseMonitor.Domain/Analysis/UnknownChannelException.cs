namespace ResponseMonitor.Domain.Analysis;

/// <summary>A request named a channel that is not configured.</summary>
internal sealed class UnknownChannelException : Exception
{
    public UnknownChannelException()
    {
    }

    public UnknownChannelException(string message)
        : base(message)
    {
    }

    public UnknownChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static UnknownChannelException For(string channelId) => new($"No channel '{channelId}' is configured.");
}
