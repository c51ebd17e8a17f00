using Microsoft.Extensions.Options;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.CustomHandler;
using ResponseMonitor.App.Demo;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Connectors;
using ResponseMonitor.Connectors.AzureLanguage;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App;

/// <summary>
/// The composition root. One program, two ways to run: under the Azure Functions host as a custom handler
/// (FUNCTIONS_CUSTOMHANDLER_PORT set), or standalone with its own timer and queue listener.
/// </summary>
public static class ResponseMonitorApp
{
    /// <param name="args">Command-line configuration (<c>--Key=Value</c>), which wins over every other source.</param>
    /// <param name="overrideServices">Last-word service registrations, for tests (a FakeTimeProvider, say).</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        // The content root is the app's own folder (as in the Functions package), not the caller's working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // host.json is the Functions host's configuration; standalone reads its queue settings from the same file.
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var customHandlerPort = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        if (!string.IsNullOrEmpty(customHandlerPort))
        {
            hosting.Mode = HostingMode.CustomHandler;
        }

        builder.Services.AddOptions<HostingOptions>().Configure(o =>
        {
            o.Mode = hosting.Mode;
            o.Urls = hosting.Urls;
        });
        if (hosting.Mode == HostingMode.CustomHandler && !string.IsNullOrEmpty(customHandlerPort))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(hosting.Urls);
        }

        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled)
        {
            var seed = DemoSeed.Load(demo.SeedPath);
            DemoSeed.AddChannels(builder.Configuration, builder.Configuration, seed, demo);
            builder.Services.AddSingleton(seed);
            builder.Services.AddSingleton(demo);
            builder.Services.AddSingleton<DemoFeed>();
        }

        builder.AddMonitorTelemetry();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

        services.AddOptions<MonitorOptions>()
            .Bind(builder.Configuration.GetSection(MonitorOptions.SectionName))
            .PostConfigure(o => WarningSettingsBinder.Apply(builder.Configuration, o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => hosting.Mode == HostingMode.CustomHandler || !string.IsNullOrWhiteSpace(o.Key), "Api:Key is required when running standalone: set Api__Key in the environment.")
            .Validate(o => string.IsNullOrEmpty(o.Key) || o.Key.Length >= 16, "Api:Key must be at least 16 characters.")
            .ValidateOnStart();
        services.AddOptions<PollingOptions>().Bind(builder.Configuration.GetSection(PollingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnalysisOptions>().Bind(builder.Configuration.GetSection(AnalysisOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        // Domain and application services.
        services.AddSingleton<ConfigurationChannelCatalog>();
        services.AddSingleton<IChannelCatalog>(sp => sp.GetRequiredService<ConfigurationChannelCatalog>());
        services.AddSingleton<IChannelSecrets>(sp => sp.GetRequiredService<ConfigurationChannelCatalog>());
        services.AddOptions<CriticOptions>().Bind(builder.Configuration.GetSection(CriticOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICriticClassifier>(sp => new LexiconCriticClassifier(BuiltInLexicons.All, sp.GetRequiredService<IOptions<CriticOptions>>().Value.ToRules()));
        var criticBackend = builder.Configuration[$"{CriticOptions.SectionName}:Backend"];
        if (string.Equals(criticBackend, AzureLanguageCriticDetector.BackendName, StringComparison.Ordinal))
        {
            services.AddAzureLanguage(builder.Configuration);
        }
        else
        {
            services.AddSingleton<ICriticDetector, BuiltInCriticDetector>();
        }

        services.AddSingleton<CriticModelTrainer>();
        services.AddSingleton<CriticModelService>();
        services.AddSingleton<ConversationAnalyzer>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<HistoryImporter>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<ChannelPoller>();
        services.AddSingleton<WarningService>();
        services.AddSingleton<ChannelAnalysisService>();

        // Adapters beside the domain.
        services.AddAzureStorage(builder.Configuration);
        services.AddConnectors(builder.Configuration);
        services.AddNotifications(builder.Configuration);

        // The functions, and what triggers them when no Functions host does.
        services.AddSingleton<PollChannelsFunction>();
        services.AddSingleton<AnalyzeChannelFunction>();
        services.AddOptions<SchedulerOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueueListenerOptions>().Bind(builder.Configuration.GetSection(QueueListenerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PollScheduler>();
        services.AddSingleton<AnalysisQueueListener>();
        if (hosting.Mode == HostingMode.Standalone)
        {
            services.AddHostedService(sp => sp.GetRequiredService<PollScheduler>());
            services.AddHostedService(sp => sp.GetRequiredService<AnalysisQueueListener>());
        }

        overrideServices?.Invoke(services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var api = app.MapGroup("/api");
        api.MapHealthEndpoints();
        api.MapWebhookEndpoints();
        var secured = api.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
        secured.MapDashboardEndpoints();
        secured.MapWarningEndpoints();
        secured.MapSilenceEndpoints();
        secured.MapNotificationEndpoints();
        secured.MapMetricsEndpoints();
        secured.MapImportEndpoints();
        secured.MapClassifyEndpoints();
        secured.MapCriticModelEndpoints();
        secured.MapCriticLabelEndpoints();
        if (demo.Enabled)
        {
            secured.MapDemoEndpoints();
            secured.MapDemoPlatformEndpoints();
            api.MapDemoSessionEndpoint();
            _ = app.Services.GetRequiredService<DemoFeed>().Anchor;
        }

        app.MapCustomHandlerEndpoints();
        return app;
    }
}
