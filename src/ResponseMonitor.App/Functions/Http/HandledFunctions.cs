using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Handled marks on comments. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class HandledFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.MarkHandled)]
    public IResult MarkHandled(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "items/{channelId}/{itemId}/handled")] HttpRequest request,
        string channelId,
        string itemId) =>
        api.Invoke(FunctionNames.MarkHandled, request, ("channelId", channelId), ("itemId", itemId));

    [Function(FunctionNames.UnmarkHandled)]
    public IResult UnmarkHandled(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "items/{channelId}/{itemId}/handled")] HttpRequest request,
        string channelId,
        string itemId) =>
        api.Invoke(FunctionNames.UnmarkHandled, request, ("channelId", channelId), ("itemId", itemId));

    [Function(FunctionNames.GetHandled)]
    public IResult GetHandled(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{channelId}/{itemId}/handled")] HttpRequest request,
        string channelId,
        string itemId) =>
        api.Invoke(FunctionNames.GetHandled, request, ("channelId", channelId), ("itemId", itemId));
}
