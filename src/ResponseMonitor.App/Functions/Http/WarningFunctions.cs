using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Warnings and their history. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class WarningFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ListWarnings)]
    public IResult ListWarnings(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "warnings")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListWarnings, request);

    [Function(FunctionNames.ListWarningHistory)]
    public IResult ListWarningHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "warnings/history")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListWarningHistory, request);
}
