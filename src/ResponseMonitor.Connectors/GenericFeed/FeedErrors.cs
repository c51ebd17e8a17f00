using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// A generic feed's answers (docs/GENERIC_FEED.md): a 429, or a 503 with <c>Retry-After</c>, holds the channel for as
/// long as the feed asks (RFC 9110 §10.2.3: seconds or an HTTP date), at most <see cref="GenericFeedConnector.MaxPause"/>;
/// a 200 that is not JSON is a login or error page, not a feed, even when its text happens to parse.
/// </summary>
internal sealed class FeedErrors : IPlatformErrorClassifier
{
    public string Platform => "Feed";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        if (answer.Code == 429 || (answer.Code == 503 && answer.Headers.RetryAfter is not null))
        {
            var at = RateLimitHeaders.RetryAfter(answer, now) ?? now.AddMinutes(1);
            var until = at < now ? now : at > now + GenericFeedConnector.MaxPause ? now + GenericFeedConnector.MaxPause : at;
            return new PlatformFault(PlatformFaultKind.RateLimited, $"HTTP {answer.Code}, as the feed asked", until);
        }

        // 401 and 403 (RFC 9110 §15.5.2, §15.5.4): the feed refuses the channel's token or its rights, which no retry
        // mends; a person renews or grants it.
        if (answer.Code is 401 or 403)
        {
            return new PlatformFault(answer.Code == 401 ? PlatformFaultKind.CredentialsRejected : PlatformFaultKind.PermissionDenied, $"HTTP {answer.Code}");
        }

        return answer.IsSuccess && !answer.IsJson
            ? new PlatformFault(PlatformFaultKind.Failed, $"answered {answer.MediaType}, not JSON; check the channel's FeedUrl and its credentials")
            : null;
    }

    /// <summary>A feed names no budget.</summary>
    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) => null;
}
