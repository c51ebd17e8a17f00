namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// The platform said "not before <see cref="RetryAt"/>". The poller pauses this channel alone until then (the others
/// go on) and keeps its cursor.
/// </summary>
public sealed class RateLimitedException : Exception
{
    public RateLimitedException()
    {
    }

    public RateLimitedException(string message)
        : base(message)
    {
    }

    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RateLimitedException(string message, DateTimeOffset retryAt)
        : base(message)
    {
        RetryAt = retryAt;
    }

    public DateTimeOffset RetryAt { get; }
}
