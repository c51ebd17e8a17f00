namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// A reporting window: public messages that arrived in [<see cref="From"/>, <see cref="To"/>), judged as of
/// <see cref="AsOf"/> (the end of the window, or now when the window has not ended).
/// </summary>
public sealed record MetricsWindow(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf)
{
    /// <summary>A window [from, to) read as of now, or of its end when that has passed.</summary>
    public static MetricsWindow Create(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) => new(from, to, to < now ? to : now);

    /// <summary>Whether the instant is in [From, To).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
