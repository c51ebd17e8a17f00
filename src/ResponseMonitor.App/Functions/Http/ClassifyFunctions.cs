using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Critic verdicts for texts. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class ClassifyFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.Classify)]
    public IResult Classify(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "classify")] HttpRequest request) =>
        api.Invoke(FunctionNames.Classify, request);
}
