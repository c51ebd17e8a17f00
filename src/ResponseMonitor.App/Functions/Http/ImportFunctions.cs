using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>History import: streamed in one request, or accepted as a job run from a queue. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class ImportFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ImportHistory)]
    public IResult ImportHistory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.ImportHistory, request, ("channelId", channelId));

    [Function(FunctionNames.StartImport)]
    public IResult StartImport(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "imports/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.StartImport, request, ("channelId", channelId));

    [Function(FunctionNames.GetImport)]
    public IResult GetImport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "imports/{channelId}/{jobId}")] HttpRequest request,
        string channelId,
        string jobId) =>
        api.Invoke(FunctionNames.GetImport, request, ("channelId", channelId), ("jobId", jobId));
}
