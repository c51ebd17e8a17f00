using System.Text.Json;
using ResponseMonitor.Connectors.Http;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Graph API answers (https://developers.facebook.com/docs/graph-api/guides/error-handling): the error object's
/// <c>code</c> tells a refused token (190, and OAuthException 102, 463, 467) and a missing permission (10, 200–299)
/// from throttling (4, 17, 32, 613, 80001–80004,
/// https://developers.facebook.com/docs/graph-api/overview/rate-limiting). Every answer may carry <c>x-app-usage</c>,
/// <c>x-page-usage</c> or <c>x-business-use-case-usage</c> percentages; at 95 % the channel pauses before Meta blocks it,
/// for <c>estimated_time_to_regain_access</c> minutes or at least 15.
/// </summary>
internal sealed class GraphErrors : IPlatformErrorClassifier
{
    private const int PauseAtPercent = 95;
    private static readonly int[] ThrottleCodes = [4, 17, 32, 613, 80001, 80002, 80004];
    private static readonly string[] UsageHeaders = ["x-app-usage", "x-page-usage", "x-business-use-case-usage"];

    public string Platform => "Meta";

    public PlatformFault? Classify(PlatformAnswer answer, DateTimeOffset now)
    {
        using var json = answer.TryJson();
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return answer.IsSuccess ? null : new PlatformFault(answer.Code >= 500 ? PlatformFaultKind.Transient : PlatformFaultKind.Failed, $"answered HTTP {answer.Code}{(json is null ? " with a body that is not JSON" : "")}");
        }

        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
        var message = GraphApi.Text(error, "message") ?? "unknown error";
        if (code == 190 || GraphApi.Text(error, "type") == "OAuthException" && code is 102 or 463 or 467)
        {
            return new PlatformFault(PlatformFaultKind.CredentialsRejected, $"OAuthException {code}: {message}");
        }

        // Code 10 (the app lacks a permission), 200–299 (a permission error) and 283 (an extended permission is
        // missing): the token works but may not read this, which only a person can change
        // (https://developers.facebook.com/docs/graph-api/guides/error-handling, "Error Codes").
        if (code is 10 or (>= 200 and <= 299) or 283)
        {
            return new PlatformFault(PlatformFaultKind.PermissionDenied, $"code {code}: {message}");
        }

        if (ThrottleCodes.Contains(code))
        {
            var regain = Usage(answer).RegainMinutes;
            return new PlatformFault(PlatformFaultKind.RateLimited, $"code {code}, for {Math.Max(regain, 15)} minutes", now.AddMinutes(Math.Max(regain, 15)));
        }

        // Code 100 with subcode 33: the object does not exist (a deleted post), so its comments are nothing to read.
        var subcode = error.TryGetProperty("error_subcode", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        return new PlatformFault(code == 100 && subcode == 33 ? PlatformFaultKind.NotFound : PlatformFaultKind.Failed, $"failed (code {code}): {message}");
    }

    public PlatformFault? BudgetSpent(PlatformAnswer answer, DateTimeOffset now)
    {
        var (percent, regain, header) = Usage(answer);
        return percent >= PauseAtPercent
            ? new PlatformFault(PlatformFaultKind.RateLimited, $"{header} reached {percent}%, paused to stay under the limit", now.AddMinutes(Math.Max(regain, 15)))
            : null;
    }

    /// <summary>The highest percentage over the usage headers (flat, or per business id as in x-business-use-case-usage).</summary>
    private static (int Percent, int RegainMinutes, string Header) Usage(PlatformAnswer answer)
    {
        var (percent, regain, named) = (0, 0, "");
        foreach (var name in UsageHeaders)
        {
            if (!answer.Headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                var (p, r) = Parse(value);
                regain = Math.Max(regain, r);
                if (p > percent)
                {
                    (percent, named) = (p, name);
                }
            }
        }

        return (percent, regain, named);
    }

    private static (int Percent, int RegainMinutes) Parse(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (0, 0);
            }

            var nodes = root.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Array)
                ? root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).SelectMany(p => p.Value.EnumerateArray()).ToList()
                : [root];
            var (percent, regain) = (0, 0);
            foreach (var property in nodes.Where(n => n.ValueKind == JsonValueKind.Object).SelectMany(n => n.EnumerateObject()).Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                if (property.Name is "call_count" or "total_cputime" or "total_time")
                {
                    percent = Math.Max(percent, property.Value.GetInt32());
                }
                else if (property.Name == "estimated_time_to_regain_access")
                {
                    regain = Math.Max(regain, property.Value.GetInt32());
                }
            }

            return (percent, regain);
        }
        catch (JsonException)
        {
            return (0, 0);
        }
    }
}
