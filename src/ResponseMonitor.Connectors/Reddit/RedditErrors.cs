using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// Reddit's answers (https://github.com/reddit-archive/reddit/wiki/API, "Rules";
/// https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki): every answer carries
/// <c>X-Ratelimit-Used</c>, <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Reset</c> (seconds until the window ends);
/// 429 is the limit itself. A 401 is an access token that ended (renewed by the connector when it holds the app's
/// secret). A 403 as JSON is the API refusing the token; a 403 as an HTML page is a network or agent block.
/// </summary>
internal sealed class RedditErrors : IPlatformErrorClassifier
{
    public string Platform => "Reddit";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now) => answer.Code switch
    {
        429 => new PlatformFault(PlatformFaultKind.RateLimited, "HTTP 429", Reset(answer, now) ?? now.AddMinutes(1)),
        401 => new PlatformFault(PlatformFaultKind.SessionExpired, "HTTP 401"),
        403 when !answer.IsJson => new PlatformFault(PlatformFaultKind.Blocked, "HTTP 403, not an API answer"),

        // A private, quarantined or gated subreddit answers 403 {"reason": "private" | "quarantined" | "gated"}: that
        // thread is not readable by this account, which says nothing of its token.
        403 when Reason(answer) is { } reason => new PlatformFault(PlatformFaultKind.NotFound, $"HTTP 403: the subreddit is {reason}; this thread is not readable"),
        403 => new PlatformFault(PlatformFaultKind.CredentialsRejected, "HTTP 403"),
        _ => null,
    };

    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.Spent(answer, "X-Ratelimit-Remaining", Reset(answer, now));

    private static string? Reason(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        return json?.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("reason", out var r)
            && r.ValueKind == System.Text.Json.JsonValueKind.String && r.GetString() is "private" or "quarantined" or "gated" or "banned"
            ? r.GetString()
            : null;
    }

    private static DateTimeOffset? Reset(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.SecondsFromNow(answer, "X-Ratelimit-Reset", now) ?? RateLimitHeaders.RetryAfter(answer, now);
}
