using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Labels given to stored comments, and training from them. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class CriticLabelFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.SaveCriticLabels)]
    public IResult SaveCriticLabels(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "critics/labels")] HttpRequest request) =>
        api.Invoke(FunctionNames.SaveCriticLabels, request);

    [Function(FunctionNames.ListCriticLabels)]
    public IResult ListCriticLabels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "critics/labels")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListCriticLabels, request);

    [Function(FunctionNames.DeleteCriticLabel)]
    public IResult DeleteCriticLabel(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "critics/labels/{channelId}/{itemId}")] HttpRequest request,
        string channelId,
        string itemId) =>
        api.Invoke(FunctionNames.DeleteCriticLabel, request, ("channelId", channelId), ("itemId", itemId));

    [Function(FunctionNames.TrainCriticModelFromLabels)]
    public IResult TrainCriticModelFromLabels(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "critics/models/{brand}/from-labels")] HttpRequest request,
        string brand) =>
        api.Invoke(FunctionNames.TrainCriticModelFromLabels, request, ("brand", brand));
}
