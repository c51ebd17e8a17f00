namespace ResponseMonitor.App.Configuration;

internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Without Application Insights, print metrics to the console (logs always go there). Off by default: about 1,400
    /// lines a minute would scroll the start-up banner and its key away. <c>Telemetry__ConsoleMetrics=true</c> turns them on.
    /// </summary>
    public bool ConsoleMetrics { get; set; }

    /// <summary>How often console metrics are printed.</summary>
    public TimeSpan ConsoleMetricsInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Share of traces kept (parent-based, so a trace is kept or dropped whole). Every storage call is a span, and
    /// ingestion is what telemetry costs: docs/DEPLOY.md. Metrics are not sampled.
    /// </summary>
    public double TraceSamplingRatio { get; set; } = 0.1;

    /// <summary>Also print every span to the console; verbose, for debugging.</summary>
    public bool ConsoleTraces { get; set; }
}
