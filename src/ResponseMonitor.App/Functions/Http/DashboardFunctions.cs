using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>The dashboard's reads. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class DashboardFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.GetDashboard)]
    public IResult GetDashboard(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request) =>
        api.Invoke(FunctionNames.GetDashboard, request);

    [Function(FunctionNames.GetChannel)]
    public IResult GetChannel(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.GetChannel, request, ("channelId", channelId));

    [Function(FunctionNames.ListUnanswered)]
    public IResult ListUnanswered(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "unanswered")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListUnanswered, request);
}
