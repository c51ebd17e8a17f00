using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Silences that hold notifications back. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class SilenceFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ListSilences)]
    public IResult ListSilences(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "silences")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListSilences, request);

    [Function(FunctionNames.CreateSilence)]
    public IResult CreateSilence(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "silences")] HttpRequest request) =>
        api.Invoke(FunctionNames.CreateSilence, request);

    [Function(FunctionNames.GetSilence)]
    public IResult GetSilence(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "silences/{id}")] HttpRequest request,
        string id) =>
        api.Invoke(FunctionNames.GetSilence, request, ("id", id));

    [Function(FunctionNames.ExpireSilence)]
    public IResult ExpireSilence(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "silences/{id}")] HttpRequest request,
        string id) =>
        api.Invoke(FunctionNames.ExpireSilence, request, ("id", id));
}
