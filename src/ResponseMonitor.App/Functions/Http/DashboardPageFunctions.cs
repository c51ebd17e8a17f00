using Microsoft.Azure.Functions.Worker;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Functions.Http;

/// <summary>The dashboard page's files, with no key. An HTTP function in Azure, handing its request to the same handler as the standalone route.</summary>
internal sealed class DashboardPageFunctions(RouteHandlerInvoker api)
{
    /// <param name="request">The request.</param>
    /// <param name="file">The file under /api/ui/; absent for the folder itself.</param>
    [Function(FunctionNames.DashboardPage)]
    public IResult DashboardPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui/{*file}")] HttpRequest request,
        string? file = null) =>
        api.Invoke(FunctionNames.DashboardPage, request, ("file", file));
}
