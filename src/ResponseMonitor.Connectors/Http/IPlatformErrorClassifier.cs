namespace ResponseMonitor.Connectors.Http;

/// <summary>
/// One platform's reading of its own answers: its error bodies and its rate-limit headers. Each platform's documented
/// contract lives in its classifier, cited there; <see cref="PlatformHttp"/> is the one path that acts on it.
/// </summary>
internal interface IPlatformErrorClassifier
{
    /// <summary>The platform's name in messages ("Mastodon").</summary>
    string Platform { get; }

    /// <summary>What the answer means when it is not the data asked for; null when it is the data.</summary>
    PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now);

    /// <summary>
    /// For an answer that is the data: when the platform says the call budget is spent (remaining 0, usage near the
    /// limit), a <see cref="PlatformFaultKind.RateLimited"/> fault until the reset, so the channel asks nothing more
    /// before then; null otherwise.
    /// </summary>
    PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now);
}
