namespace ResponseMonitor.App.Configuration;

public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>Defaults to CustomHandler when the Functions host sets FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
    public HostingMode Mode { get; set; } = HostingMode.Standalone;

    /// <summary>Where the standalone app listens. The Functions host's local default, so dashboards work both ways.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";
}
