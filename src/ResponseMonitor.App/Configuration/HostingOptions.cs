namespace ResponseMonitor.App.Configuration;

/// <summary>How the program is hosted. The mode is decided at start-up (<see cref="Hosting.FunctionsHostDetection"/>), not configured.</summary>
internal sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public HostingMode Mode { get; set; } = HostingMode.Standalone;

    /// <summary>Where the standalone app listens. The Functions host's local default, so dashboards work both ways.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>
    /// Standalone only: run the poll timer and the queue listener. Off, the app only answers HTTP and a caller drives
    /// the functions (the tests do, as the Functions host would).
    /// </summary>
    public bool Triggers { get; set; } = true;
}
