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
internal static class WorkerHost
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
    /// Refuses to start when the app would write to a queue its trigger does not read: in Azure a trigger's queue name
    /// is fixed at build time (<see cref="AnalyzeChannelFunction.QueueName"/>, <see cref="PollChannelFunction.QueueName"/>).
    /// Program calls it before the host runs; tests, which give each run its own queues, build the worker without it.
    /// </summary>
    public static IHost EnsureTriggerQueue(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.AnalysisQueueName != AnalyzeChannelFunction.QueueName)
        {
            throw new OptionsValidationException(
                nameof(StorageOptions),
                typeof(StorageOptions),
                [$"Storage:AnalysisQueueName must be '{AnalyzeChannelFunction.QueueName}' under the Functions host, the queue the AnalyzeChannel trigger reads, not '{storage.AnalysisQueueName}'."]);
        }

        if (storage.PollQueueName != PollChannelFunction.QueueName)
        {
            throw new OptionsValidationException(
                nameof(StorageOptions),
                typeof(StorageOptions),
                [$"Storage:PollQueueName must be '{PollChannelFunction.QueueName}' under the Functions host, the queue the PollChannel trigger reads, not '{storage.PollQueueName}'."]);
        }

        return host;
    }
}
