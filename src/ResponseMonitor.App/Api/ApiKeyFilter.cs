using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Requires the API key on a route group: header <c>x-api-key</c> (or <c>Authorization: Bearer</c>), compared in
/// constant time. Under the Functions host with no key configured, the host's function key already guarded the call.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-api-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected))
        {
            return next(context);
        }

        var headers = context.HttpContext.Request.Headers;
        // x-api-key; or Bearer; or X-goog-api-key, so that the demo's emulated platforms take the connectors' own headers.
        string? presented = headers[HeaderName].FirstOrDefault() ?? headers["X-goog-api-key"].FirstOrDefault();
        if (presented is null && headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized($"This route needs the API key in the '{HeaderName}' header."));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized("The API key is not valid."));
        }

        return next(context);
    }
}
