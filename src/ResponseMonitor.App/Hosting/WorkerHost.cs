using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Storage;

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

    /// <summary>
    /// Refuses to start when the poller would write to a queue the trigger does not read: in Azure the trigger's queue
    /// name is fixed at build time (<see cref="AnalyzeChannelFunction.QueueName"/>). Program calls it before the host
    /// runs; tests, which give each run its own queue, build the worker without it.
    /// </summary>
    public static IHost EnsureTriggerQueue(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var queue = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.AnalysisQueueName;
        if (queue != AnalyzeChannelFunction.QueueName)
        {
            throw new OptionsValidationException(
                nameof(StorageOptions),
                typeof(StorageOptions),
                [$"Storage:AnalysisQueueName must be '{AnalyzeChannelFunction.QueueName}' under the Functions host, the queue the AnalyzeChannel trigger reads, not '{queue}'."]);
        }

        return host;
    }
}
