using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>The notification outbox. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class NotificationFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ListNotifications)]
    public IResult ListNotifications(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "notifications")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListNotifications, request);

    [Function(FunctionNames.RetryNotification)]
    public IResult RetryNotification(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "notifications/{channelId}/{id}/retry")] HttpRequest request,
        string channelId,
        string id) =>
        api.Invoke(FunctionNames.RetryNotification, request, ("channelId", channelId), ("id", id));
}
