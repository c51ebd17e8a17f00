using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// LinkedIn's answers (error handling, https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling:
/// <c>{"message", "serviceErrorCode", "status"}</c>): a 401 is an access token that ended or was revoked (renewed once
/// when the channel has an app, else refused); a 403 a missing permission or page role; a 426 a sunset
/// <c>LinkedIn-Version</c>. Rate limits (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits)
/// count calls per day, reset at midnight UTC, and a 429 carries no reset header; LinkedIn "may also return a 429 as
/// part of infrastructure protection", which passes by itself. So a first 429 pauses 15 minutes, and a second on the
/// same UTC day is read as the day's quota, paused until midnight UTC. The token endpoint answers OAuth errors
/// (<c>{"error": "invalid_grant", …}</c>): a person must authorise the app again.
/// </summary>
internal sealed class LinkedInErrors : IPlatformErrorClassifier
{
    private static readonly TimeSpan ProtectionPause = TimeSpan.FromMinutes(15);

    // The UTC day of the last 429: LinkedIn's limits are per app and per member a day, shared by the app's channels.
    private long _limitedDay = -1;

    public string Platform => "LinkedIn";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        if (answer.IsSuccess)
        {
            return null;
        }

        var (message, oauthError) = Read(answer);
        var detail = $"HTTP {answer.Code}{(message is { Length: > 0 } ? ": " + message : "")}";
        if (oauthError is not null)
        {
            return new PlatformFault(PlatformFaultKind.CredentialsRejected, $"{detail} ({oauthError}): authorise the app again");
        }

        switch (answer.Code)
        {
            case 401:
                return new PlatformFault(PlatformFaultKind.SessionExpired, detail);
            case 403:
                return new PlatformFault(PlatformFaultKind.PermissionDenied, detail + " (r_organization_social, and an ADMINISTRATOR role on the page)");
            case 426:
                return new PlatformFault(PlatformFaultKind.Failed, detail + ": the LinkedIn-Version is no longer served; set Settings:version to a current one");
            case 429:
                var today = now.UtcDateTime.Date.Ticks;
                var again = Interlocked.Exchange(ref _limitedDay, today) == today;
                return again
                    ? new PlatformFault(PlatformFaultKind.QuotaExhausted, detail + ", the second today: the day's limit", now.UtcDateTime.Date.AddDays(1))
                    : new PlatformFault(PlatformFaultKind.RateLimited, detail, now + ProtectionPause);
            default:
                return null;
        }
    }

    /// <summary>No rate-limit headers are published.</summary>
    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) => null;

    private static (string? Message, string? OAuthError) Read(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return (null, null);
        }

        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return (Text("message") ?? Text("error_description"), Text("error"));
    }
}
