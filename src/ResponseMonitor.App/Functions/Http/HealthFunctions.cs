using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Health: says the process answers; no key. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class HealthFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.Health)]
    public IResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        api.Invoke(FunctionNames.Health, request);
}
