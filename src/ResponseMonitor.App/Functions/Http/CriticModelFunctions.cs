using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>A brand's own critic model. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class CriticModelFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.TrainCriticModel)]
    public IResult TrainCriticModel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "critics/models/{brand}")] HttpRequest request,
        string brand) =>
        api.Invoke(FunctionNames.TrainCriticModel, request, ("brand", brand));

    [Function(FunctionNames.GetCriticModel)]
    public IResult GetCriticModel(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "critics/models/{brand}")] HttpRequest request,
        string brand) =>
        api.Invoke(FunctionNames.GetCriticModel, request, ("brand", brand));

    [Function(FunctionNames.DeleteCriticModel)]
    public IResult DeleteCriticModel(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "critics/models/{brand}")] HttpRequest request,
        string brand) =>
        api.Invoke(FunctionNames.DeleteCriticModel, request, ("brand", brand));
}
