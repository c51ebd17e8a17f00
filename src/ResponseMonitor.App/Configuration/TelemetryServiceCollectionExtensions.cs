using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ResponseMonitor.Domain.Telemetry;

namespace ResponseMonitor.App.Configuration;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs. With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> they go to Azure Monitor
    /// (authenticated with the managed identity when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names one);
    /// otherwise logs stay on the console logger, and metrics go to the console every minute only when
    /// <c>Telemetry:ConsoleMetrics</c> is on. In the isolated worker the
    /// worker's own OpenTelemetry defaults are added (its activity source and resource, and the capability that tells the
    /// host to leave the invocation telemetry to the worker; host.json sets telemetryMode OpenTelemetry to match).
    /// </summary>
    public static IHostApplicationBuilder AddMonitorTelemetry(this IHostApplicationBuilder builder, HostingMode mode)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var credential = CredentialFrom(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = connectionString;
            o.Credential = credential;
        }

        // ASP.NET Core's request log writes the whole URL, query included: a function key (?code=) or Meta's
        // hub.verify_token would land in the log at Information and below. This category is held at Warning whatever
        // the configured levels; requests are still traced (OpenTelemetry redacts query values).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
        builder.Services.AddSingleton<MonitorMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("response-monitor"));
        if (mode == HostingMode.FunctionsWorker)
        {
            telemetry.UseFunctionsWorkerDefaults();
        }

        telemetry
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.TraceSamplingRatio, 0, 1))))
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r => !r.Options.TryGetValue(Notifications.Sinks.SinkHttp.SecretUrl, out _));
                if (!string.IsNullOrEmpty(connectionString))
                {
                    tracing.AddAzureMonitorTraceExporter(AzureMonitor);
                }
                else if (options.ConsoleTraces)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonitorMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(connectionString))
                {
                    metrics.AddAzureMonitorMetricExporter(AzureMonitor);
                }
                else if (options.ConsoleMetrics)
                {
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ConsoleMetricsInterval.TotalMilliseconds);
                }
            });

        if (!string.IsNullOrEmpty(connectionString))
        {
            telemetry.WithLogging(logging => logging.AddAzureMonitorLogExporter(AzureMonitor), o => o.IncludeFormattedMessage = true);
        }

        return builder;
    }

    /// <summary><c>ClientId=…;Authorization=AAD</c>, the Functions convention for Entra-authenticated telemetry.</summary>
    private static ManagedIdentityCredential? CredentialFrom(string? authentication)
    {
        if (string.IsNullOrEmpty(authentication) || !authentication.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var clientId = authentication.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))?[1];
        return clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
