namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// The platform said "not before <see cref="RetryAt"/>". The poller pauses this channel alone until then (the others
/// go on) and keeps its cursor.
/// </summary>
public sealed class RateLimitedException : Exception
{
    /// <summary>A rate limit with no message and no retry time.</summary>
    public RateLimitedException()
    {
    }

    /// <summary>A rate limit, described for a person.</summary>
    public RateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>A rate limit, described for a person, with its cause.</summary>
    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A rate limit that ends at <paramref name="retryAt"/>.</summary>
    public RateLimitedException(string message, DateTimeOffset retryAt)
        : base(message)
    {
        RetryAt = retryAt;
    }

    /// <summary>When the platform accepts calls again; the channel is paused until then.</summary>
    public DateTimeOffset RetryAt { get; }
}
