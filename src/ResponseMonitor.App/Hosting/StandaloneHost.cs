using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.Demo;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Storage;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// The program when no Functions host started it (./run.sh, the tests, a container, a VM): Kestrel serves the API,
/// and the program's own timer and queue listener trigger the same functions the host would.
/// </summary>
internal static class StandaloneHost
{
    /// <param name="args">Command-line configuration (<c>--Key=Value</c>), which wins over every other source.</param>
    /// <param name="overrideServices">Last-word service registrations, for tests (a FakeTimeProvider, say).</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        // The content root is the app's own folder, not the caller's working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // host.json is the Functions host's configuration; standalone reads its queue settings from the same file.
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var hosting = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        hosting.Mode = HostingMode.Standalone;
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(hosting.Urls);
        }

        var demo = builder.AddDemo();
        builder.AddMonitorTelemetry(HostingMode.Standalone);
        builder.Services.AddResponseMonitor(builder.Configuration, hosting);
        builder.Services.AddStandaloneTriggers(builder.Configuration, hosting);
        builder.Services.AddRequestCapacity();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapMonitorApi();
        if (demo.Enabled)
        {
            app.MapDemo();
        }

        return app;
    }

    /// <summary>The demo brand (./run.sh): its channels join the configuration before anything binds it.</summary>
    private static DemoOptions AddDemo(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled)
        {
            var seed = DemoSeed.Load(demo.SeedPath);
            DemoSeed.AddChannels(builder.Configuration, builder.Configuration, seed, demo);
            var inbox = new DemoInbox();
            inbox.AddSink(builder.Configuration, builder.Configuration, demo);
            builder.Services.AddSingleton(inbox);
            builder.Services.AddSingleton(seed);
            builder.Services.AddSingleton(demo);
            builder.Services.AddSingleton<DemoFeed>();
        }

        return demo;
    }

    /// <summary>The timer and the queue listeners (poll, analysis, imports), as background services unless <c>Hosting:Triggers</c> is off.</summary>
    public static IServiceCollection AddStandaloneTriggers(this IServiceCollection services, IConfiguration configuration, HostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        services.AddOptions<SchedulerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueueListenerOptions>().Bind(configuration.GetSection(QueueListenerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PollScheduler>();
        if (hosting.Triggers)
        {
            services.AddHostedService(sp => sp.GetRequiredService<PollScheduler>());
        }

        QueueTrigger[] queues =
        [
            new(FunctionNames.PollChannel, (sp, ct) => sp.GetRequiredService<StoragePollQueue>().GetQueueAsync(ct), (sp, message, ct) => sp.GetRequiredService<PollChannelFunction>().RunAsync(message, ct)),
            new(FunctionNames.AnalyzeChannel, (sp, ct) => sp.GetRequiredService<StorageAnalysisQueue>().GetQueueAsync(ct), (sp, message, ct) => sp.GetRequiredService<AnalyzeChannelFunction>().RunAsync(message, ct)),
            new(FunctionNames.RunImport, (sp, ct) => sp.GetRequiredService<StorageImportQueue>().GetQueueAsync(ct), (sp, message, ct) => sp.GetRequiredService<RunImportFunction>().RunAsync(message, ct)),
        ];
        foreach (var queue in queues)
        {
            services.AddKeyedSingleton(queue.Function, (sp, _) => new StorageQueueListener(
                queue,
                sp,
                sp.GetRequiredService<StorageClients>(),
                sp.GetRequiredService<IOptions<QueueListenerOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageQueueListener).FullName + "." + queue.Function)));
            if (hosting.Triggers)
            {
                // Not AddHostedService: it adds one hosted service per implementation type, and all three are one type.
                services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<StorageQueueListener>(queue.Function));
            }
        }

        return services;
    }

    /// <summary>The standalone listener of a queue-triggered function (<see cref="FunctionNames"/>).</summary>
    public static StorageQueueListener GetQueueListener(this IServiceProvider services, string function) =>
        services.GetRequiredKeyedService<StorageQueueListener>(function);

    /// <summary>Every <see cref="ApiRoute"/> under /api; all but the anonymous ones behind the API key.</summary>
    public static WebApplication MapMonitorApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The dashboard page at the root, where people look first.
        app.MapGet("/", (HttpRequest request) => Results.Redirect("/api/ui/" + request.QueryString)).ExcludeFromDescription();
        var api = app.MapGroup("/api");
        var keyed = api.MapGroup("").AddEndpointFilter<ApiKeyFilter>();
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = (route.Anonymous ? api : keyed).MapMethods("/" + route.Template, [route.Method], route.Handler).WithName(route.Name);
            if (!route.Anonymous)
            {
                endpoint.AddEndpointFilter(new KnownChannelFilter(app.Services.GetRequiredService<Domain.Channels.IChannelCatalog>(), route.ChannelQuery));
            }

            if (route.Method != HttpMethods.Get)
            {
                endpoint.AddEndpointFilter<ReadCacheInvalidationFilter>();
            }
        }

        return app;
    }

    /// <summary>The demo's emulated platforms and feeds, on the same origin as the API.</summary>
    private static WebApplication MapDemo(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        var key = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.ApiOptions>>().Value.Key;
        var keyed = api.MapGroup("").AddEndpointFilter(async (context, next) =>
            ApiKeyFilter.Refusal(context.HttpContext.Request, key, platformHeader: true) ?? await next(context).ConfigureAwait(false));
        keyed.MapDemoEndpoints();
        keyed.MapDemoPlatformEndpoints(open: api);
        DemoInbox.MapDemoInbox(api);
        _ = app.Services.GetRequiredService<DemoFeed>().Anchor;
        return app;
    }
}
