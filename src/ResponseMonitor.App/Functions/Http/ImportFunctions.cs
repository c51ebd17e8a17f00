using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>History import, streamed. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class ImportFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ImportHistory)]
    public IResult ImportHistory(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.ImportHistory, request, ("channelId", channelId));
}
