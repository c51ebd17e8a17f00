using Microsoft.Azure.Functions.Worker.Builder;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// The program as the Azure Functions host runs it: a .NET isolated worker with ASP.NET Core integration. The host
/// owns the triggers (timer, queue, HTTP, keys, retries, poison queue); the worker runs the [Function] methods in
/// Functions/, which call the same handlers as standalone.
/// </summary>
public static class WorkerHost
{
    /// <param name="args">What the host passes (<c>--functions-uri</c> and friends), and any <c>--Key=Value</c>.</param>
    /// <param name="overrideServices">Last-word service registrations, for tests.</param>
    public static IHost Create(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        var hosting = new HostingOptions { Mode = HostingMode.FunctionsWorker, Triggers = false };
        builder.AddMonitorTelemetry(HostingMode.FunctionsWorker);
        builder.Services.AddResponseMonitor(builder.Configuration, hosting);
        overrideServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
