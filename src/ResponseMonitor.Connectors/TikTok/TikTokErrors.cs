using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// TikTok API for Business answers nearly everything with HTTP 200 and says what happened in the envelope's
/// <c>code</c>, which "takes precedence over the HTTP status" (return codes appendix,
/// https://business-api.tiktok.com/portal/docs?id=1737172488964097). It publishes no rate-limit headers; a limit is
/// code 40100 (40016, 40133 alike), and the window that tripped is only in the message: a day's quota resets at
/// 00:00 UTC, a minute's is waited out for five minutes (rate limits, https://business-api.tiktok.com/portal/docs/rate-limits/v1.3).
/// An expired access token (40102) is renewed by the connector once; an invalid one (40105) gets one renewal too,
/// then is refused.
/// </summary>
internal sealed class TikTokErrors : IPlatformErrorClassifier
{
    private static readonly TimeSpan MinutePause = TimeSpan.FromMinutes(5);

    public string Platform => "TikTok";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        if (Envelope(answer) is not var (code, message))
        {
            // No envelope: a 4xx is "usually a wrong API path or wrong method" (a missing trailing slash is the classic
            // 404), never a missing video; a 5xx is TikTok's side and the status decides.
            return answer.Code is >= 400 and < 500 ? new PlatformFault(PlatformFaultKind.Failed, $"answered HTTP {answer.Code} without TikTok's envelope: check Settings:apiUrl") : null;
        }

        var detail = $"code {code}{(message is { Length: > 0 } ? ": " + message : "")}";
        return code switch
        {
            0 => null,
            40100 or 40016 or 40133 when Daily(message) => new PlatformFault(PlatformFaultKind.QuotaExhausted, detail + "; the daily quota resets at 00:00 UTC", now.UtcDateTime.Date.AddDays(1)),
            40100 or 40016 or 40133 => new PlatformFault(PlatformFaultKind.RateLimited, detail, now + MinutePause),
            40102 or 40105 => new PlatformFault(PlatformFaultKind.SessionExpired, detail),
            40103 or 40104 or 40107 or 40113 => new PlatformFault(PlatformFaultKind.CredentialsRejected, detail),
            40001 or 40118 or 40125 => new PlatformFault(PlatformFaultKind.PermissionDenied, detail),
            40007 => new PlatformFault(PlatformFaultKind.NotFound, detail),
            41000 => new PlatformFault(PlatformFaultKind.Blocked, detail),
            >= 50000 and < 70000 => new PlatformFault(PlatformFaultKind.Transient, detail),
            _ => new PlatformFault(PlatformFaultKind.Failed, detail),
        };
    }

    /// <summary>No headers to read: a spent budget is known only from the code.</summary>
    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now) => null;

    private static bool Daily(string? message) =>
        message is not null && (message.Contains("day", StringComparison.OrdinalIgnoreCase) || message.Contains("QPD", StringComparison.OrdinalIgnoreCase));

    private static (long Code, string? Message)? Envelope(PlatformAnswer answer)
    {
        using var json = answer.TryJson();
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("code", out var code) || !code.TryGetInt64(out var value))
        {
            return null;
        }

        return (value, root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null);
    }
}
