using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Webhooks: signed pushes and Meta's subscription handshake; no function key, each checks its own secret. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class WebhookFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.ReceiveWebhook)]
    public IResult ReceiveWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.ReceiveWebhook, request, ("channelId", channelId));

    [Function(FunctionNames.VerifyWebhook)]
    public IResult VerifyWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{channelId}")] HttpRequest request,
        string channelId) =>
        api.Invoke(FunctionNames.VerifyWebhook, request, ("channelId", channelId));
}
