using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>One author's data: export and erasure. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class AuthorFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ExportAuthor)]
    public IResult ExportAuthor(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "authors/{channelId}/{authorId}")] HttpRequest request,
        string channelId,
        string authorId) =>
        api.Invoke(FunctionNames.ExportAuthor, request, ("channelId", channelId), ("authorId", authorId));

    [Function(FunctionNames.EraseAuthor)]
    public IResult EraseAuthor(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "authors/{channelId}/{authorId}")] HttpRequest request,
        string channelId,
        string authorId) =>
        api.Invoke(FunctionNames.EraseAuthor, request, ("channelId", channelId), ("authorId", authorId));
}
