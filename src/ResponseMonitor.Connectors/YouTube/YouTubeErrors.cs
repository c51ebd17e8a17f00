using System.Text.Json;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>
/// YouTube Data API v3 error answers (https://developers.google.com/youtube/v3/docs/errors): a 403 is a spent quota
/// or a rate limit as often as a refused key, told apart by <c>error.errors[].reason</c>. A spent quota is a pause until
/// the daily quota resets at midnight Pacific Time (https://developers.google.com/youtube/v3/getting-started#quota),
/// not a broken key.
/// </summary>
internal static class YouTubeErrors
{
    /// <summary>A short rate limit: try again after this.</summary>
    public static readonly TimeSpan RateLimitPause = TimeSpan.FromMinutes(15);

    private static readonly TimeZoneInfo Pacific = FindPacific();

    public static Exception Classify(int status, string body, string what, DateTimeOffset now)
    {
        var reasons = Reasons(body);
        if (reasons.Overlaps(["quotaExceeded", "dailyLimitExceeded"]))
        {
            var reset = NextPacificMidnight(now);
            return new RateLimitedException($"YouTube's daily quota is spent reading {what}; paused until it resets at midnight Pacific Time ({reset:u}).", reset);
        }

        if (reasons.Overlaps(["rateLimitExceeded", "userRateLimitExceeded"]))
        {
            return new RateLimitedException($"YouTube rate-limited reading {what}; paused for {RateLimitPause.TotalMinutes:0} minutes.", now + RateLimitPause);
        }

        return new CredentialRejectedException($"YouTube refused the request for {what} (HTTP {status}{(reasons.Count > 0 ? ", " + string.Join(", ", reasons) : "")}): the API key is invalid or restricted.");
    }

    public static DateTimeOffset NextPacificMidnight(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Pacific);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, Pacific.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static HashSet<string> Reasons(string body)
    {
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
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
        }
        catch (JsonException)
        {
            // Not the documented error shape: treated as a refusal without a reason.
        }

        return reasons;
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
