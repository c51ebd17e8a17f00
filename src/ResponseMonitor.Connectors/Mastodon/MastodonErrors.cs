using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>
/// Mastodon's answers (https://docs.joinmastodon.org/api/rate-limits/, https://docs.joinmastodon.org/entities/Error/):
/// 401 and 403 with <c>{"error": "The access token is invalid"}</c> refuse the token; 429 is the limit of 300 calls per
/// 5 minutes per account, which resets at <c>X-RateLimit-Reset</c> (an ISO 8601 instant); <c>X-RateLimit-Remaining</c>
/// counts down to it on every answer.
/// </summary>
internal sealed class MastodonErrors : IPlatformErrorClassifier
{
    public string Platform => "Mastodon";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now) => answer.Code switch
    {
        401 or 403 => new PlatformFault(PlatformFaultKind.CredentialsRejected, $"HTTP {answer.Code}"),
        429 => new PlatformFault(PlatformFaultKind.RateLimited, "HTTP 429", Reset(answer, now) ?? now.AddMinutes(5)),
        _ => null,
    };

    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.Spent(answer, "X-RateLimit-Remaining", Reset(answer, now));

    private static DateTimeOffset? Reset(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.Instant(answer, "X-RateLimit-Reset") ?? RateLimitHeaders.RetryAfter(answer, now);
}
