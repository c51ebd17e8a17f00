namespace ResponseMonitor.App.Configuration;

internal enum HostingMode
{
    /// <summary>The program runs its own timer and queue listener and serves the API on Kestrel.</summary>
    Standalone,

    /// <summary>The Azure Functions host started the program as a .NET isolated worker: the host triggers every function.</summary>
    FunctionsWorker,
}
