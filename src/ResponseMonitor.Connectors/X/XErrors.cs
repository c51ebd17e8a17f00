using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.X;

/// <summary>
/// X API v2 answers (https://docs.x.com/x-api/fundamentals/rate-limits, https://docs.x.com/x-api/fundamentals/response-codes-and-errors):
/// 429 with <c>x-rate-limit-reset</c> in Unix seconds, and <c>x-rate-limit-remaining</c> on every answer; 401 a refused
/// bearer token; 403 a token without the access the endpoint needs (a problem body with <c>client-not-enrolled</c> or
/// similar). X does not document its answer when a pay-per-use account's credits run out; a 402 Payment Required
/// (RFC 9110 §15.5.3) is read as a spent quota and looked at again in an hour, not as a refused token.
/// </summary>
internal sealed class XErrors : IPlatformErrorClassifier
{
    private static readonly TimeSpan CreditsRecheck = TimeSpan.FromHours(1);
    private static readonly TimeSpan CapRecheck = TimeSpan.FromDays(1);

    public string Platform => "X";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now) => answer.Code switch
    {
        // A spent monthly usage cap answers 429 (or 402/403) with the problem type …/problems/usage-capped, title
        // UsageCapExceeded, period Monthly, while x-rate-limit-remaining stays high
        // (https://docs.x.com/x-api/fundamentals/response-codes-and-errors, "Problem types"). It lasts until the
        // billing period ends, which the answer does not give: the channel is a quota, looked at again once a day
        // (one refused request), never every 15-minute window.
        429 or 402 or 403 when ProblemType(answer)?.EndsWith("/problems/usage-capped", StringComparison.Ordinal) == true =>
            new PlatformFault(PlatformFaultKind.QuotaExhausted, $"HTTP {answer.Code} usage-capped: the monthly usage cap is spent until the billing period ends; looked at again daily", now + CapRecheck),
        429 => new PlatformFault(PlatformFaultKind.RateLimited, "HTTP 429", RateLimitHeaders.EpochSeconds(answer, "x-rate-limit-reset") ?? now.AddMinutes(15)),
        402 => new PlatformFault(PlatformFaultKind.QuotaExhausted, "HTTP 402: the account's credits are spent", now + CreditsRecheck),
        401 or 403 => new PlatformFault(PlatformFaultKind.CredentialsRejected, $"HTTP {answer.Code}{Title(answer)}; check the token's access level"),
        _ => null,
    };

    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) =>
        RateLimitHeaders.Spent(answer, "x-rate-limit-remaining", RateLimitHeaders.EpochSeconds(answer, "x-rate-limit-reset"));

    private static string? ProblemType(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        return json?.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
    }

    private static string Title(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        return json?.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
            ? ", " + t.GetString()
            : "";
    }
}
