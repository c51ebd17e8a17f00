using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.Functions;

namespace ResponseMonitor.App.Api.Health;

/// <summary><c>GET /api/health</c>: no key; says the process answers and in which mode. Storage state is on the dashboard.</summary>
internal static class HealthEndpoints
{
    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.Health, "health", GetHealth, anonymous: true),
    ];

    private static Ok<HealthResponse> GetHealth(IOptions<HostingOptions> hosting, TimeProvider time) =>
        TypedResults.Ok(new HealthResponse("ok", hosting.Value.Mode.ToString(), time.GetUtcNow()));
}
