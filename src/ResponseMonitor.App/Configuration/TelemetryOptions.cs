namespace ResponseMonitor.App.Configuration;

public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Without Application Insights, metrics go to the console this often (logs always do).</summary>
    public TimeSpan ConsoleMetricsInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Also print every span to the console; verbose, for debugging.</summary>
    public bool ConsoleTraces { get; set; }
}
