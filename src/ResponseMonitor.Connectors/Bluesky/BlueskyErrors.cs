using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>
/// Bluesky's XRPC answers. Errors are <c>{"error": "ExpiredToken", "message": …}</c>
/// (https://docs.bsky.app/docs/api/com-atproto-server-refresh-session lists ExpiredToken and InvalidToken): an expired
/// or missing access token is a session to renew, not a refused app password. Rate limits
/// (https://docs.bsky.app/docs/advanced-guides/rate-limits) answer 429 with <c>RateLimit-Reset</c> in Unix seconds and
/// count down <c>RateLimit-Remaining</c> on every answer.
/// </summary>
internal sealed class BlueskyErrors : IPlatformErrorClassifier
{
    public string Platform => "Bluesky";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        if (answer.Code == 429)
        {
            return new PlatformFault(PlatformFaultKind.RateLimited, "HTTP 429", Reset(answer, now) ?? now.AddMinutes(5));
        }

        if (answer.IsSuccess)
        {
            return null;
        }

        var error = Error(answer);
        return (answer.Code, error) switch
        {
            (_, "ExpiredToken" or "InvalidToken" or "AuthenticationRequired") or (401, _) =>
                new PlatformFault(PlatformFaultKind.SessionExpired, $"HTTP {answer.Code} {error}".TrimEnd()),
            (_, "AuthFactorTokenRequired" or "AccountTakedown") or (403, _) =>
                new PlatformFault(PlatformFaultKind.CredentialsRejected, $"HTTP {answer.Code} {error}".TrimEnd()),
            (400, "NotFound") => new PlatformFault(PlatformFaultKind.NotFound, "NotFound"),
            _ => null,
        };
    }

    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.Spent(answer, "RateLimit-Remaining", Reset(answer, now));

    private static DateTimeOffset? Reset(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.EpochSeconds(answer, "RateLimit-Reset") ?? RateLimitHeaders.RetryAfter(answer, now);

    private static string? Error(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        return json?.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }
}
