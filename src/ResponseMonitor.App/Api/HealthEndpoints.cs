using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Api;

/// <summary><c>GET /api/health</c>: no key; says the process answers and in which mode. Storage state is on the dashboard.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", (IOptions<HostingOptions> hosting, TimeProvider time) =>
            Results.Json(new HealthResponse("ok", hosting.Value.Mode.ToString(), time.GetUtcNow()), ApiJsonContext.Default.HealthResponse));
        return api;
    }
}
