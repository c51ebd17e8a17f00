using System.Globalization;

namespace ResponseMonitor.Connectors.Http;

/// <summary>The forms platforms give a reset time in: Unix seconds, seconds from now, an ISO 8601 instant, or Retry-After.</summary>
internal static class RateLimitHeaders
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(2);

    public static DateTimeOffset? EpochSeconds(PlatformAnswer answer, string header) =>
        long.TryParse(answer.Header(header), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    public static DateTimeOffset? SecondsFromNow(PlatformAnswer answer, string header, DateTimeOffset now) =>
        double.TryParse(answer.Header(header), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < Longest.TotalSeconds
            ? now.AddSeconds(seconds)
            : null;

    public static DateTimeOffset? Instant(PlatformAnswer answer, string header) =>
        DateTimeOffset.TryParse(answer.Header(header), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    /// <summary>RFC 9110 §10.2.3: seconds or an HTTP date.</summary>
    public static DateTimeOffset? RetryAfter(PlatformAnswer answer, DateTimeOffset now) =>
        answer.Headers.RetryAfter?.Delta is { } delta ? now + delta : answer.Headers.RetryAfter?.Date;

    /// <summary>A rate limit until <paramref name="reset"/> when the "remaining" header says no call is left in the window.</summary>
    public static PlatformFault? Spent(PlatformAnswer answer, string remainingHeader, DateTimeOffset? reset) =>
        double.TryParse(answer.Header(remainingHeader), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining) && remaining < 1 && reset is { } until
            ? new PlatformFault(PlatformFaultKind.RateLimited, $"{remainingHeader} reached 0", until)
            : null;
}
