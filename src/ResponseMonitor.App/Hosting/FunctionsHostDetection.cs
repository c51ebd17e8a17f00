namespace ResponseMonitor.App.Hosting;

/// <summary>
/// Tells whether the Azure Functions host started this process as its .NET isolated worker. The host launches the
/// worker with <c>--functions-uri</c> (its gRPC endpoint) and <c>--functions-worker-id</c>; the worker maps them to
/// <c>Functions:Worker:HostEndpoint</c> and <c>Functions:Worker:WorkerId</c> (azure-functions-dotnet-worker,
/// src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs, RegisterCommandLine). Older hosts pass <c>--workerId</c>.
/// Anything else (./run.sh, tests, a container, a VM) runs standalone.
/// </summary>
internal static class FunctionsHostDetection
{
    public static bool IsFunctionsWorker(string[] args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Any(a => a.StartsWith("--functions-uri", StringComparison.Ordinal) || a.StartsWith("--functions-worker-id", StringComparison.Ordinal) || a == "--workerId"))
        {
            return true;
        }

        return !string.IsNullOrEmpty(environment("Functions__Worker__HostEndpoint"));
    }
}
