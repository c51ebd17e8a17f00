using Microsoft.Extensions.Options;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Connectors;
using ResponseMonitor.Connectors.AzureLanguage;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Models;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Secrets;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// The composition root's shared part, in named steps: everything both hosts need. What differs (Kestrel and the
/// standalone triggers, or the worker) is added by <see cref="StandaloneHost"/> and <see cref="WorkerHost"/>.
/// </summary>
internal static class MonitorServiceCollectionExtensions
{
    public static IServiceCollection AddResponseMonitor(this IServiceCollection services, IConfiguration configuration, HostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        services.AddSingleton(TimeProvider.System);
        return services
            .AddMonitorOptions(configuration, hosting)
            .AddMonitorDomain()
            .AddCriticDetection(configuration)
            .AddMonitorAdapters(configuration)
            .AddMonitorApi()
            .AddMonitorFunctions();
    }

    /// <summary>Settings, each validated when the host starts.</summary>
    public static IServiceCollection AddMonitorOptions(this IServiceCollection services, IConfiguration configuration, HostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        services.AddOptions<HostingOptions>().Configure(o =>
        {
            o.Mode = hosting.Mode;
            o.Urls = hosting.Urls;
            o.Triggers = hosting.Triggers;
        });
        services.AddOptions<MonitorOptions>()
            .Configure(o => MonitorOptions.Bind(configuration, o))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MonitorOptions>, ChannelPlatformValidation>();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => hosting.Mode == HostingMode.FunctionsWorker || !string.IsNullOrWhiteSpace(o.Key), "Api:Key is required when running standalone: set Api__Key in the environment.")
            .Validate(o => string.IsNullOrEmpty(o.Key) || o.Key.Length >= 16, "Api:Key must be at least 16 characters.")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PollingOptions>().Bind(configuration.GetSection(PollingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CriticOptions>().Bind(configuration.GetSection(CriticOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>The domain services: channels, ingestion, polling, analysis, metrics, warnings, critic models.</summary>
    public static IServiceCollection AddMonitorDomain(this IServiceCollection services)
    {
        services.AddSingleton<ConfigurationChannelCatalog>();
        services.AddSingleton<IChannelCatalog>(sp => sp.GetRequiredService<ConfigurationChannelCatalog>());
        services.AddSingleton<IChannelSecrets>(sp => sp.GetRequiredService<ConfigurationChannelCatalog>());
        // A brand's model learns over the lexicon's cues, as it is measured (docs/DETECTION.md); where the shipped English
        // model runs, the brand's English labels may get a head over the same MiniLM embeddings.
        services.AddSingleton(sp =>
        {
            var builtIn = sp.GetRequiredService<BuiltInCriticClassifier>();
            return new CriticModelTrainer(builtIn.Lexicon, builtIn.Models.OfType<EmbeddingCriticModel>().Any() ? ShippedCriticModels.SharedEncoder : null);
        });
        services.AddSingleton<CriticModelService>();
        services.AddSingleton<ConversationAnalyzer>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<Domain.Handling.HandledMarkService>();
        services.AddSingleton<HistoryImporter>();
        services.AddSingleton<ImportJobRunner>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<ItemStateService>();
        services.AddSingleton<ChannelPoller>();
        services.AddSingleton<PollPlanner>();
        services.AddSingleton<Domain.Estate.EstateTotalsService>();
        services.AddSingleton<WarningService>();
        services.AddSingleton<ChannelAnalysisService>();
        services.AddSingleton<RetentionSweeper>();
        services.AddSingleton<PersonalDataService>();
        return services;
    }

    /// <summary>The critic detector: the word lists and the shipped models (or the word lists alone, <c>lexicon</c>), or Azure AI Language when <c>Critics:Backend</c> names it.</summary>
    public static IServiceCollection AddCriticDetection(this IServiceCollection services, IConfiguration configuration)
    {
        var backend = configuration[$"{CriticOptions.SectionName}:Backend"];
        services.AddSingleton(sp => new BuiltInCriticClassifier(
            new LexiconCriticClassifier(BuiltInLexicons.All, sp.GetRequiredService<IOptions<CriticOptions>>().Value.ToRules()),
            string.Equals(backend, CriticOptions.LexiconOnly, StringComparison.Ordinal) ? [] : ShippedCriticModels.Load()));
        if (string.Equals(backend, AzureLanguageCriticDetector.BackendName, StringComparison.Ordinal))
        {
            services.AddAzureLanguage(configuration);
        }
        else
        {
            services.AddSingleton<ICriticClassifier>(sp => sp.GetRequiredService<BuiltInCriticClassifier>());
        }

        return services;
    }

    /// <summary>The adapters beside the domain: storage, channel connectors, notification sinks.</summary>
    public static IServiceCollection AddMonitorAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureStorage(configuration);
        services.AddSecretVault(configuration, sp => sp.GetRequiredService<ConfigurationChannelCatalog>().GetVaultSecretName);
        services.AddConnectors(configuration);
        services.AddNotifications(configuration);
        return services;
    }

    /// <summary>What the API's handlers need in either host: JSON contexts, problem details, the storage-outage answer.</summary>
    public static IServiceCollection AddMonitorApi(this IServiceCollection services)
    {
        // A path no route answers gets a problem that says so, as every other error does (UseStatusCodePages writes it).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status404NotFound && context.ProblemDetails.Detail is null && context.HttpContext.GetEndpoint() is null)
            {
                context.ProblemDetails.Detail = "No route answers this method and path. The API's routes are under /api (README.md, \"HTTP API\"); the dashboard is at /.";
            }
        });
        services.AddExceptionHandler<StorageRefusalHandler>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        services.AddExceptionHandler<BadRequestBodyHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddSingleton<RouteHandlerInvoker>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<ApiReadCache>();
        return services;
    }

    /// <summary>The timer and queue functions' handlers, which both hosts trigger.</summary>
    public static IServiceCollection AddMonitorFunctions(this IServiceCollection services)
    {
        services.AddSingleton<PollChannelsFunction>();
        services.AddSingleton<PollChannelFunction>();
        services.AddSingleton<AnalyzeChannelFunction>();
        services.AddSingleton<RunImportFunction>();
        return services;
    }
}
