using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>
/// YouTube Data API v3 error answers (https://developers.google.com/youtube/v3/docs/errors): a 403 is a spent quota
/// or a rate limit as often as a refused key, told apart by <c>error.errors[].reason</c>. A spent quota is a pause until
/// the daily quota resets at midnight Pacific Time (https://developers.google.com/youtube/v3/getting-started#quota),
/// not a broken key. A 400 with <c>keyInvalid</c> or <c>keyExpired</c> refuses the key too. <c>commentsDisabled</c> and <c>channelNotFound</c> are about the channel, not the key.
/// </summary>
internal sealed class YouTubeErrors : IPlatformErrorClassifier
{
    /// <summary>A short rate limit: try again after this.</summary>
    private static readonly TimeSpan RateLimitPause = TimeSpan.FromMinutes(15);

    private static readonly TimeZoneInfo Pacific = FindPacific();

    public string Platform => "YouTube";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        var reasons = answer.Code is 400 or 401 or 403 or 404 or 429 ? Reasons(answer) : [];

        // Google's current answer to a bad, expired or restricted key is 400 (or 403) with the generic reason
        // "badRequest"/"forbidden" and the real one in error.details[] (google.rpc.ErrorInfo, reason API_KEY_INVALID,
        // API_KEY_EXPIRED, API_KEY_SERVICE_BLOCKED, API_KEY_*_BLOCKED; SERVICE_DISABLED for an API not enabled:
        // https://cloud.google.com/apis/design/errors#error_info, https://cloud.google.com/docs/authentication/api-keys-use).
        var detail = answer.Code is 400 or 401 or 403 ? KeyDetail(answer) : null;
        if (detail is not null)
        {
            return new PlatformFault(PlatformFaultKind.CredentialsRejected, $"HTTP {answer.Code}, {detail}: the API key is invalid or restricted");
        }

        if (answer.Code == 400 && !reasons.Overlaps(["keyInvalid", "keyExpired"]))
        {
            return null;
        }

        if (reasons.Count == 0 && answer.Code is not (401 or 403 or 404 or 429))
        {
            return null;
        }

        if (reasons.Overlaps(["quotaExceeded", "dailyLimitExceeded"]))
        {
            return new PlatformFault(PlatformFaultKind.QuotaExhausted, "the daily quota is spent; it resets at midnight Pacific Time", NextPacificMidnight(now));
        }

        if (reasons.Overlaps(["rateLimitExceeded", "userRateLimitExceeded"]) || answer.Code == 429)
        {
            return new PlatformFault(PlatformFaultKind.RateLimited, $"{string.Join(", ", reasons.DefaultIfEmpty("HTTP 429"))}, for {RateLimitPause.TotalMinutes:0} minutes", now + RateLimitPause);
        }

        if (reasons.Overlaps(["commentsDisabled", "channelNotFound", "videoNotFound", "commentThreadNotFound"]) || answer.Code == 404)
        {
            return new PlatformFault(PlatformFaultKind.NotFound, $"HTTP {answer.Code} {string.Join(", ", reasons)}".TrimEnd());
        }

        return new PlatformFault(PlatformFaultKind.CredentialsRejected, $"HTTP {answer.Code}{(reasons.Count > 0 ? ", " + string.Join(", ", reasons) : "")}: the API key is invalid or restricted");
    }

    /// <summary>YouTube sends no remaining-calls header: the quota is only known when it is spent.</summary>
    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) => null;

    private static DateTimeOffset NextPacificMidnight(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Pacific);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, Pacific.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static HashSet<string> Reasons(PlatformAnswer answer)
    {
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        using var json = answer.TryJson();
        if (json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in errors.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
                {
                    reasons.Add(reason.GetString()!);
                }
            }
        }

        return reasons;
    }

    /// <summary>The <c>error.details[].reason</c> of a google.rpc.ErrorInfo that names the key or the API's enablement; null otherwise.</summary>
    private static string? KeyDetail(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var d in details.EnumerateArray())
        {
            if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                && reason.GetString() is { } r && (r.StartsWith("API_KEY_", StringComparison.Ordinal) || r == "SERVICE_DISABLED"))
            {
                return r;
            }
        }

        return null;
    }

    private static TimeZoneInfo FindPacific()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (TimeZoneNotFoundException)
        {
            // No time-zone data on the machine: Pacific Standard Time, an hour late in summer at worst.
            return TimeZoneInfo.CreateCustomTimeZone("PST", TimeSpan.FromHours(-8), "PST", "PST");
        }
    }
}
