using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>Response metrics and what the clock left out. HTTP functions in Azure, each handing its request to the same handler as the standalone route.</summary>
internal sealed class MetricsFunctions(RouteHandlerInvoker api)
{
    [Function(FunctionNames.GetMetrics)]
    public IResult GetMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics")] HttpRequest request) =>
        api.Invoke(FunctionNames.GetMetrics, request);

    [Function(FunctionNames.ListExclusions)]
    public IResult ListExclusions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/exclusions")] HttpRequest request) =>
        api.Invoke(FunctionNames.ListExclusions, request);

    [Function(FunctionNames.GetDailyMetrics)]
    public IResult GetDailyMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/daily")] HttpRequest request) =>
        api.Invoke(FunctionNames.GetDailyMetrics, request);
}
