using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Requires the API key on a route group: header <c>x-api-key</c> (or <c>Authorization: Bearer</c>), compared in
/// constant time. In Azure the host's function key guards the call first; this key is checked as well only if set.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-api-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context.HttpContext.Request, options.Value.Key) is { } refusal ? ValueTask.FromResult<object?>(refusal) : next(context);

    /// <summary>Why a request may not pass, or null when it may: no key is configured, or it presents the right one.</summary>
    /// <param name="request">The request.</param>
    /// <param name="expected">The configured key.</param>
    /// <param name="platformHeader">
    /// Also take the key from <c>X-goog-api-key</c> or <c>Access-Token</c>: only the demo's emulated platforms do, because
    /// the real YouTube and TikTok connectors send their keys that way. The API itself takes <c>x-api-key</c> or a Bearer token, nothing else.
    /// </param>
    public static IResult? Refusal(HttpRequest request, string? expected, bool platformHeader = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(expected))
        {
            return null;
        }

        var headers = request.Headers;
        string? presented = headers[HeaderName].FirstOrDefault() ?? (platformHeader ? headers["X-goog-api-key"].FirstOrDefault() ?? headers["Access-Token"].FirstOrDefault() : null);
        if (presented is null && headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return Problems.Unauthorized($"This route needs the API key in the '{HeaderName}' header.");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected))
            ? null
            : Problems.Unauthorized("The API key is not valid.");
    }
}
