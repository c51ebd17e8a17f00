using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// What the Functions host will load: the functions.metadata the Worker SDK generates at build time, read as the host
/// reads it, checked against the standalone routes so the two hosts serve the same API. Contracts followed:
/// <list type="bullet">
/// <item>azure-functions-host, src/WebJobs.Script/Host/WorkerFunctionMetadataProvider.cs: the host reads
/// functions.metadata (name, scriptFile, entryPoint, language, bindings) for a worker-indexed app;</item>
/// <item>azure-functions-dotnet-worker, sdk/Sdk/FunctionMetadataGenerator.cs: the binding JSON the SDK writes from the
/// trigger attributes (type, direction, schedule/queueName/route/methods/authLevel, the HTTP <c>$return</c> output);</item>
/// <item>host.json reference, learn.microsoft.com/azure/azure-functions/functions-host-json (extensions.http.routePrefix,
/// extensions.queues), and the isolated-worker guide, learn.microsoft.com/azure/azure-functions/dotnet-isolated-process-guide
/// (an isolated app brings its extensions through the SDK's extensions.json, not an extension bundle).</item>
/// </list>
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    /// <summary>The app's own build output, of the configuration these tests were built in: the generated files sit there.</summary>
    private static readonly string BuildFolder = Repo.PathOf(
        "src", "ResponseMonitor.App", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release",
        "net10.0");

    private static readonly Lazy<JsonArray> Metadata = new(() =>
    {
        var path = Path.Combine(BuildFolder, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK generates it when the app builds.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    });

    private static IEnumerable<JsonObject> Functions => Metadata.Value.Select(f => f!.AsObject());

    private static JsonObject Function(string name) =>
        Functions.SingleOrDefault(f => f["name"]!.GetValue<string>() == name) ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function '{name}'.");

    private static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>azure-functions-dotnet-worker, extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs (schedule, UseMonitor, RunOnStartup off unless set).</summary>
    [Fact]
    public void PollChannels_is_a_timer_on_the_PollSchedule_setting()
    {
        var trigger = Trigger(Function(FunctionNames.PollChannels));
        Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal("In", trigger["direction"]!.GetValue<string>());
        Assert.Equal("%PollSchedule%", trigger["schedule"]!.GetValue<string>());
        Assert.True(trigger["useMonitor"]!.GetValue<bool>());
        Assert.Null(trigger["runOnStartup"]);
    }

    /// <summary>azure-functions-dotnet-worker, extensions/Worker.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs (queueName, Connection); a string parameter gives dataType String.</summary>
    [Fact]
    public void AnalyzeChannel_reads_the_queue_the_app_writes_as_a_string()
    {
        var trigger = Trigger(Function(FunctionNames.AnalyzeChannel));
        Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal(new StorageOptions().AnalysisQueueName, trigger["queueName"]!.GetValue<string>());
        Assert.Equal(AnalyzeChannelFunction.QueueName, trigger["queueName"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", trigger["connection"]!.GetValue<string>());
        Assert.Equal("String", trigger["dataType"]!.GetValue<string>());
    }

    /// <summary>The same contract as AnalyzeChannel: the queue POST /api/imports/{channelId} writes, read as a string.</summary>
    [Fact]
    public void RunImport_reads_the_import_queue_as_a_string()
    {
        var trigger = Trigger(Function(FunctionNames.RunImport));
        Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal(ResponseMonitor.Storage.Queues.StorageImportQueue.QueueName, trigger["queueName"]!.GetValue<string>());
        Assert.Equal("import-history", trigger["queueName"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", trigger["connection"]!.GetValue<string>());
        Assert.Equal("String", trigger["dataType"]!.GetValue<string>());
    }

    /// <summary>
    /// The poll work the timer schedules: a queue trigger on <c>poll-channel</c>, so the Functions host spreads a cycle's
    /// messages over as many instances as the queue needs (same attribute source as above).
    /// </summary>
    [Fact]
    public void PollChannel_reads_the_poll_queue_the_timer_writes_as_a_string()
    {
        var trigger = Trigger(Function(FunctionNames.PollChannel));
        Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal(new StorageOptions().PollQueueName, trigger["queueName"]!.GetValue<string>());
        Assert.Equal(PollChannelFunction.QueueName, trigger["queueName"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", trigger["connection"]!.GetValue<string>());
        Assert.Equal("String", trigger["dataType"]!.GetValue<string>());
    }

    /// <summary>
    /// azure-functions-dotnet-worker, extensions/Worker.Extensions.Http/src/HttpTriggerAttribute.cs (authLevel, methods,
    /// route) and extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsMiddleware/FunctionsHttpProxyingMiddleware.cs
    /// (an <c>IResult</c> returned by the function is executed on the request's HttpContext).
    /// </summary>
    [Fact]
    public void Every_api_route_is_an_http_function_with_its_template_method_and_auth_level()
    {
        foreach (var route in ApiRoutes.All)
        {
            var function = Function(route.Name);
            var trigger = Trigger(function);
            Assert.Equal("httpTrigger", trigger["type"]!.GetValue<string>());
            Assert.Equal(route.Template, trigger["route"]!.GetValue<string>());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal(route.Anonymous ? "Anonymous" : "Function", trigger["authLevel"]!.GetValue<string>());

            // The HTTP answer is the function's return value, which the ASP.NET Core integration executes.
            var output = function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["direction"]!.GetValue<string>() == "Out");
            Assert.Equal(("$return", "http"), (output["name"]!.GetValue<string>(), output["type"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Every_function_is_the_timer_the_queue_or_an_api_route_and_its_entry_point_exists()
    {
        var routeNames = ApiRoutes.All.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var assembly = typeof(ApiRoute).Assembly;
        foreach (var function in Functions)
        {
            var name = function["name"]!.GetValue<string>();
            Assert.True(name is FunctionNames.PollChannels or FunctionNames.PollChannel or FunctionNames.AnalyzeChannel or FunctionNames.RunImport || routeNames.Contains(name), $"Function {name} has no standalone counterpart.");
            Assert.Equal("ResponseMonitor.dll", function["scriptFile"]!.GetValue<string>());
            Assert.Equal("dotnet-isolated", function["language"]!.GetValue<string>());

            var entryPoint = function["entryPoint"]!.GetValue<string>();
            var type = assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
            var method = type.GetMethod(entryPoint[(entryPoint.LastIndexOf('.') + 1)..], BindingFlags.Public | BindingFlags.Instance)!;
            Assert.Equal(name, method.GetCustomAttribute<FunctionAttribute>()!.Name);
        }

        Assert.Equal(ApiRoutes.All.Count + 4, Functions.Count());
        Assert.Equal(ApiRoutes.All.Count, routeNames.Count);
    }

    [Fact]
    public async Task Every_standalone_route_has_a_function_and_every_function_a_standalone_route()
    {
        await using var app = await TestApp.StartAsync();
        // The root's redirect to the dashboard page is standalone's own; in Azure the host owns '/'.
        var standalone = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/")
            .Select(e => (Template: e.RoutePattern.RawText!.TrimStart('/'), Method: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single()))
            .ToHashSet();
        var functions = Functions.Select(Trigger).Where(t => t["type"]!.GetValue<string>() == "httpTrigger")
            .Select(t => (Template: "api/" + t["route"]!.GetValue<string>(), Method: t["methods"]![0]!.GetValue<string>().ToUpperInvariant()))
            .ToHashSet();

        Assert.Equal(functions.Order(), standalone.Order());
    }

    [Fact]
    public void The_host_files_are_those_of_an_isolated_worker_app()
    {
        // host.json per learn.microsoft.com/azure/azure-functions/functions-host-json; messageEncoding per the queue
        // extension's QueueTriggerAttribute remarks (azure-sdk-for-net, sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs:
        // Base64 by default). worker.config.json and extensions.json are what the Worker SDK writes for the host
        // (azure-functions-dotnet-worker, sdk/Sdk/Targets/Microsoft.Azure.Functions.Worker.Sdk.targets).
        var host = JsonNode.Parse(File.ReadAllText(Repo.PathOf("host.json")))!.AsObject();
        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"), "Isolated-worker apps bring their extensions (extensions.json); a bundle is for script languages.");
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());

        var folder = BuildFolder;
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", worker["language"]!.GetValue<string>());
        Assert.Equal("ResponseMonitor.dll", worker["defaultWorkerPath"]!.GetValue<string>());
        var extensions = File.ReadAllText(Path.Combine(folder, "extensions.json"));
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.Storage.Queues", extensions, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(folder, ".azurefunctions")));
        Assert.False(Directory.Exists(Repo.PathOf("PollChannels")), "function.json folders belong to the custom handler, which is gone.");
    }

    /// <summary>
    /// host.json's functionTimeout against its documented bounds. The host's own check
    /// (azure-functions-host, src/WebJobs.Script/Config/ScriptJobHostOptionsSetup.cs, ValidateTimeoutValue) refuses a
    /// value under 1 s anywhere, and over 10 min only on (Windows) Consumption; the plan table
    /// (MicrosoftDocs/azure-docs, includes/functions-timeout-duration.md) gives Flex Consumption a default of 30 min and
    /// no maximum, with a 60-minute grace for a running execution when the app scales in. The app is deployed on Flex
    /// Consumption (infra/app.bicep, FC1), so the value must be a duration of at least 1 s, and the 10-minute cap must
    /// hold if the plan ever changes.
    /// </summary>
    [Fact]
    public void The_function_timeout_is_within_the_bounds_the_host_and_the_plan_accept()
    {
        var host = JsonNode.Parse(File.ReadAllText(Repo.PathOf("host.json")))!.AsObject();
        var timeout = TimeSpan.Parse(host["functionTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(timeout >= TimeSpan.FromSeconds(1), $"functionTimeout {timeout} is under the host's minimum of 1 s.");

        var bicep = File.ReadAllText(Repo.PathOf("infra", "app.bicep"));
        var flex = bicep.Contains("tier: 'FlexConsumption'", StringComparison.Ordinal);
        Assert.True(flex || timeout <= TimeSpan.FromMinutes(10), $"functionTimeout {timeout} is over the Consumption plan's maximum of 10 min.");

        // An import job is the longest execution (docs/METRICS.md, "Large files"); it must outlast the HTTP front end's
        // 230 s, or moving imports off the request would buy nothing.
        Assert.True(timeout > TimeSpan.FromSeconds(230));
    }

    [Fact]
    public async Task The_core_tools_settings_example_is_for_the_isolated_worker_and_passes_validation()
    {
        var example = JsonNode.Parse(File.ReadAllText(Repo.PathOf("src", "ResponseMonitor.App", "local.settings.json.example")))!["Values"]!.AsObject();
        Assert.Equal("dotnet-isolated", example["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());

        // The same values (as configuration keys) start the program; only storage and the key are the test's own.
        var settings = example.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value!.GetValue<string>());
        settings.Remove("AzureWebJobsStorage");
        await using var app = await TestApp.StartAsync(settings);
        Assert.Equal("forum", app.Get<Domain.Channels.IChannelCatalog>().All.Single().Id);
    }
}
