using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage.Queues;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The [Function] methods invoked directly against Azurite with the worker's own types (TimerInfo, the queue message
/// as a string, HttpRequest), beside the standalone app on the same storage and clock: each drives the same handler
/// and the same storage effects. Contracts followed: the host decodes a queue message from Base64 before binding
/// (azure-sdk-for-net, sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs)
/// and a string parameter receives the text (azure-functions-dotnet-worker,
/// extensions/Worker.Extensions.Storage.Queues/src/QueueTriggerAttribute.cs); route values bind to parameters of the
/// same name and a returned IResult is executed on the HttpContext (azure-functions-dotnet-worker,
/// extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsMiddleware/FunctionsHttpProxyingMiddleware.cs).
/// </summary>
public sealed class WorkerFunctionTests
{
    private const string Secret = "worker-test-webhook-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings(Uri feed) => TestApp.Channel(0, "ch", feed, webhookSecret: Secret);

    /// <summary>As deployed: in Azure the host's function key guards the API, and Api:Key is left unset.</summary>
    private static Dictionary<string, string?> WorkerSettings(Uri feed) => TestApp.Merge(Settings(feed), new Dictionary<string, string?> { ["Api:Key"] = null });

    private static async Task<LoopbackServer> FeedAsync()
    {
        var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([
            Feed.Post("p1", "brand", Now.AddHours(-3)),
            Feed.Comment("c1", "p1", "u1", Now.AddHours(-2), "Still waiting for my refund, terrible service, no answer!"),
            Feed.Comment("c2", "p1", "u2", Now.AddHours(-1), "When does the shop open?"),
        ]));
        return feed;
    }

    /// <summary>
    /// Schedules through the worker's timer function, polls through its poll queue function with the message the timer
    /// queued, then analyses through its analysis queue function with the message the poll queued.
    /// </summary>
    private static async Task PollAndAnalyseAsync(WorkerApp worker)
    {
        var (scheduler, run) = worker.Function(FunctionNames.PollChannels);
        await (Task)run.Invoke(scheduler, [new TimerInfo { IsPastDue = false }, CancellationToken.None])!;

        var polls = await worker.Services.GetRequiredService<StoragePollQueue>().GetQueueAsync(CancellationToken.None);
        var batch = (await polls.ReceiveMessageAsync()).Value;
        Assert.NotNull(batch);
        var (poller, poll) = worker.Function(FunctionNames.PollChannel);
        await (Task)poll.Invoke(poller, [batch.Body.ToString(), CancellationToken.None])!;
        await polls.DeleteMessageAsync(batch.MessageId, batch.PopReceipt);

        // The host decodes the Base64 body and hands a string-bound trigger the message text.
        var queue = await worker.Services.GetRequiredService<StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        var message = (await queue.ReceiveMessageAsync()).Value;
        Assert.NotNull(message);
        var (analyzer, analyze) = worker.Function(FunctionNames.AnalyzeChannel);
        await (Task)analyze.Invoke(analyzer, [message.Body.ToString(), CancellationToken.None])!;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }

    [Fact]
    public async Task The_timer_and_queue_functions_poll_and_analyse_into_what_standalone_serves()
    {
        await using var feed = await FeedAsync();
        var time = new FakeTimeProvider(Now);
        var prefix = TestApp.NewPrefix();
        using var worker = WorkerApp.Create(Settings(feed.Url("/feed")), prefix, time);
        await using var standalone = await TestApp.StartAsync(Settings(feed.Url("/feed")), time, sharedPrefix: prefix);

        await PollAndAnalyseAsync(worker);

        var snapshot = await standalone.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal((2, 1), (snapshot!.OpenCount, snapshot.CriticalOpenCount));
        var dashboard = await standalone.GetJsonAsync("/api/dashboard");
        Assert.Equal(2, dashboard["channels"]![0]!["openCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"channelId\":\"ch\",\"reason\":\"poll\",\"requestedAt\":\"2026-11-20T11:00:00+00:00\"}")]
    [InlineData("{\n  \"reason\": \"another producer\",\n  \"channelId\": \"ch\"\n}")]
    public async Task The_queue_function_takes_the_message_text_as_the_worker_binds_it(string message)
    {
        var prefix = TestApp.NewPrefix();
        using var worker = WorkerApp.Create(Settings(new Uri("http://127.0.0.1:1/feed")), prefix);
        var (instance, run) = worker.Function(FunctionNames.AnalyzeChannel);

        await (Task)run.Invoke(instance, [message, CancellationToken.None])!;

        Assert.NotNull(await worker.Services.GetRequiredService<ISnapshotStore>().GetAsync("ch", CancellationToken.None));
    }

    [Theory]
    [InlineData("%%% not json %%%", "not an analysis request")]
    [InlineData("{\"channelId\":\"nope\",\"reason\":\"x\"}", "nope")]
    public async Task A_bad_queue_message_fails_the_invocation_so_the_host_retries_then_poisons_it(string message, string expected)
    {
        using var worker = WorkerApp.Create(Settings(new Uri("http://127.0.0.1:1/feed")), TestApp.NewPrefix());
        var (instance, run) = worker.Function(FunctionNames.AnalyzeChannel);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => (Task)run.Invoke(instance, [message, CancellationToken.None])!);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_http_function_answers_as_its_standalone_route_and_its_writes_land_in_the_same_storage()
    {
        await using var feed = await FeedAsync();
        var time = new FakeTimeProvider(Now);
        var prefix = TestApp.NewPrefix();
        using var worker = WorkerApp.Create(WorkerSettings(feed.Url("/feed")), prefix, time);
        await using var standalone = await TestApp.StartAsync(Settings(feed.Url("/feed")), time, sharedPrefix: prefix);
        await PollAndAnalyseAsync(worker);
        var covered = new HashSet<string>(StringComparer.Ordinal);

        // Reads and refusals: the worker's answer is the standalone answer, byte for byte (same storage, same clock).
        async Task Same(string name, string method, string path, Dictionary<string, string>? route = null, string? body = null)
        {
            covered.Add(name);
            var (status, text, contentType) = await worker.InvokeHttpAsync(name, method, path, route, body, "application/json; charset=utf-8");
            using var request = new HttpRequestMessage(new HttpMethod(method), "/api/" + path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await standalone.Client.SendAsync(request);
            var expected = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{name}: worker {status} {text}, standalone {(int)response.StatusCode} {expected}");
            Assert.Equal(response.Content.Headers.ContentType?.MediaType, contentType is null ? null : MediaTypeHeaderValue.Parse(contentType).MediaType);
            Assert.Equal(WithoutTraceId(expected), WithoutTraceId(text));
        }

        await Same(FunctionNames.GetDashboard, "GET", "dashboard");
        await Same(FunctionNames.DashboardPage, "GET", "ui/app.js", new() { ["file"] = "app.js" });
        await Same(FunctionNames.DashboardPage, "GET", "ui/nothing.js", new() { ["file"] = "nothing.js" });
        await Same(FunctionNames.GetChannel, "GET", "channels/ch", new() { ["channelId"] = "ch" });
        await Same(FunctionNames.GetChannel, "GET", "channels/nope", new() { ["channelId"] = "nope" });
        await Same(FunctionNames.ListUnanswered, "GET", "unanswered?critical=true");
        await Same(FunctionNames.ListWarnings, "GET", "warnings");
        await Same(FunctionNames.ListWarningHistory, "GET", "warnings/history");
        await Same(FunctionNames.ListSilences, "GET", "silences");
        await Same(FunctionNames.GetSilence, "GET", "silences/none", new() { ["id"] = "none" });
        await Same(FunctionNames.ListNotifications, "GET", "notifications?status=pending");
        await Same(FunctionNames.RetryNotification, "POST", "notifications/ch/none/retry", new() { ["channelId"] = "ch", ["id"] = "none" });
        await Same(FunctionNames.GetMetrics, "GET", "metrics?channel=ch");
        await Same(FunctionNames.ListExclusions, "GET", "metrics/exclusions?channel=ch");
        await Same(FunctionNames.GetDailyMetrics, "GET", "metrics/daily?days=3");
        await Same(FunctionNames.Classify, "POST", "classify", body: "{\"texts\":[\"Worst support ever, still no refund\",\"Thanks!\"]}");
        await Same(FunctionNames.Classify, "POST", "classify", body: "{\"texts\":");
        await Same(FunctionNames.GetCriticModel, "GET", "critics/models/default", new() { ["brand"] = "default" });
        await Same(FunctionNames.DeleteCriticModel, "DELETE", "critics/models/nobody", new() { ["brand"] = "nobody" });
        await Same(FunctionNames.TrainCriticModel, "POST", "critics/models/default", new() { ["brand"] = "default" }, "{\"text\":\"bad\",\"label\":\"critical\"}\n");
        await Same(FunctionNames.TrainCriticModelFromLabels, "POST", "critics/models/default/from-labels", new() { ["brand"] = "default" });
        await Same(FunctionNames.ListCriticLabels, "GET", "critics/labels?brand=default");
        await Same(FunctionNames.VerifyWebhook, "GET", "webhooks/ch?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42", new() { ["channelId"] = "ch" });
        await Same(FunctionNames.ImportHistory, "POST", "import/nope", new() { ["channelId"] = "nope" }, "{}");
        await Same(FunctionNames.StartImport, "POST", "imports/nope", new() { ["channelId"] = "nope" }, "{}");
        await Same(FunctionNames.GetImport, "GET", "imports/ch/none", new() { ["channelId"] = "ch", ["jobId"] = "none" }, null);
        await Same(FunctionNames.ExportAuthor, "GET", "authors/ch/u2", new() { ["channelId"] = "ch", ["authorId"] = "u2" });
        await Same(FunctionNames.ExportAuthor, "GET", "authors/ch/nobody", new() { ["channelId"] = "ch", ["authorId"] = "nobody" });
        await Same(FunctionNames.EraseAuthor, "DELETE", "authors/nope/u2", new() { ["channelId"] = "nope", ["authorId"] = "u2" });

        // Writes through the worker, seen through standalone.
        covered.Add(FunctionNames.CreateSilence);
        var (created, silenceJson, _) = await worker.InvokeHttpAsync(FunctionNames.CreateSilence, "POST", "silences", body: "{\"channelId\":\"ch\",\"duration\":\"02:00:00\",\"createdBy\":\"ana\",\"comment\":\"on it\"}");
        Assert.True(created == 201, silenceJson);
        var silenceId = JsonNode.Parse(silenceJson)!["id"]!.GetValue<string>();
        Assert.Equal("active", (await standalone.GetJsonAsync($"/api/silences/{silenceId}"))["status"]!.GetValue<string>());

        covered.Add(FunctionNames.ExpireSilence);
        var (expired, _, _) = await worker.InvokeHttpAsync(FunctionNames.ExpireSilence, "DELETE", $"silences/{silenceId}", new Dictionary<string, string> { ["id"] = silenceId });
        Assert.Equal(204, expired);
        Assert.Equal("expired", (await standalone.GetJsonAsync($"/api/silences/{silenceId}"))["status"]!.GetValue<string>());

        covered.Add(FunctionNames.SaveCriticLabels);
        var (saved, _, _) = await worker.InvokeHttpAsync(FunctionNames.SaveCriticLabels, "POST", "critics/labels", body: "{\"labels\":[{\"channelId\":\"ch\",\"itemId\":\"c2\",\"label\":\"not_critical\"}]}");
        Assert.Equal(200, saved);
        var labels = await standalone.GetJsonAsync("/api/critics/labels?brand=default");
        Assert.Equal("c2", labels["labels"]![0]!["itemId"]!.GetValue<string>());

        covered.Add(FunctionNames.DeleteCriticLabel);
        var (deleted, _, _) = await worker.InvokeHttpAsync(FunctionNames.DeleteCriticLabel, "DELETE", "critics/labels/ch/c2", new Dictionary<string, string> { ["channelId"] = "ch", ["itemId"] = "c2" });
        Assert.Equal(204, deleted);
        Assert.Empty((await standalone.GetJsonAsync("/api/critics/labels?brand=default"))["labels"]!.AsArray());

        covered.Add(FunctionNames.MarkHandled);
        var item = new Dictionary<string, string> { ["channelId"] = "ch", ["itemId"] = "c2" };
        var (marked, markJson, _) = await worker.InvokeHttpAsync(FunctionNames.MarkHandled, "POST", "items/ch/c2/handled", item, "{\"reason\":\"no-reply-needed\",\"by\":\"ana\"}");
        Assert.True(marked == 201, markJson);
        Assert.True((await standalone.GetJsonAsync("/api/items/ch/c2/handled"))["mark"]!["active"]!.GetValue<bool>());
        await Same(FunctionNames.GetHandled, "GET", "items/ch/c2/handled", item);
        await Same(FunctionNames.GetHandled, "GET", "items/ch/none/handled", new() { ["channelId"] = "ch", ["itemId"] = "none" });
        covered.Add(FunctionNames.UnmarkHandled);
        var (unmarked, _, _) = await worker.InvokeHttpAsync(FunctionNames.UnmarkHandled, "DELETE", "items/ch/c2/handled", item);
        Assert.Equal(204, unmarked);
        Assert.False((await standalone.GetJsonAsync("/api/items/ch/c2/handled"))["mark"]!["active"]!.GetValue<bool>());

        covered.Add(FunctionNames.ImportHistory);
        var row = new JsonObject { ["id"] = "c3", ["parentId"] = "p1", ["kind"] = "comment", ["authorId"] = "u3", ["createdAt"] = Now.AddMinutes(-30).ToString("O"), ["text"] = "Imported?" }.ToJsonString();
        var (imported, importJson, _) = await worker.InvokeHttpAsync(FunctionNames.ImportHistory, "POST", "import/ch", new Dictionary<string, string> { ["channelId"] = "ch" }, row + "\n", "application/x-ndjson");
        Assert.True(imported == 200, importJson);
        Assert.Equal(1, JsonNode.Parse(importJson)!["imported"]!.GetValue<int>());
        Assert.NotNull((await standalone.Get<IItemStore>().GetAsync("ch", ["c3"], CancellationToken.None)).GetValueOrDefault("c3"));

        covered.Add(FunctionNames.ReceiveWebhook);
        var push = Feed.Page([Feed.Comment("c4", "p1", "u4", Now.AddMinutes(-5), "Pushed")]);
        var signature = WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(push));
        var (accepted, _, _) = await worker.InvokeHttpAsync(FunctionNames.ReceiveWebhook, "POST", "webhooks/ch", new Dictionary<string, string> { ["channelId"] = "ch" }, push, headers: new Dictionary<string, string> { [WebhookSignature.HeaderName] = signature });
        Assert.Equal(202, accepted);
        Assert.NotNull((await standalone.Get<IItemStore>().GetAsync("ch", ["c4"], CancellationToken.None)).GetValueOrDefault("c4"));
        var (refused, _, _) = await worker.InvokeHttpAsync(FunctionNames.ReceiveWebhook, "POST", "webhooks/ch", new Dictionary<string, string> { ["channelId"] = "ch" }, push, headers: new Dictionary<string, string> { [WebhookSignature.HeaderName] = "sha256=" + new string('0', 64) });
        Assert.Equal(401, refused);

        covered.Add(FunctionNames.EraseAuthor);
        var (erased, erasedJson, _) = await worker.InvokeHttpAsync(FunctionNames.EraseAuthor, "DELETE", "authors/ch/u4", new Dictionary<string, string> { ["channelId"] = "ch", ["authorId"] = "u4" });
        Assert.True(erased == 200, erasedJson);
        Assert.Null((await standalone.Get<IItemStore>().GetAsync("ch", ["c4"], CancellationToken.None)).GetValueOrDefault("c4"));

        covered.Add(FunctionNames.Health);
        var (healthy, health, _) = await worker.InvokeHttpAsync(FunctionNames.Health, "GET", "health");
        Assert.Equal(200, healthy);
        Assert.Equal("FunctionsWorker", JsonNode.Parse(health)!["mode"]!.GetValue<string>());

        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), covered.Order());
    }

    /// <summary>A problem body's traceId names the request, which differs between the two hosts by design.</summary>
    private static string WithoutTraceId(string body)
    {
        if (!body.StartsWith('{'))
        {
            return body;
        }

        return JsonNode.Parse(body) is JsonObject json && json.Remove("traceId") ? json.ToJsonString() : body;
    }

    [Fact]
    public async Task An_api_key_where_one_is_set_is_checked_in_the_worker_too()
    {
        using var worker = WorkerApp.Create(Settings(new Uri("http://127.0.0.1:1/feed")), TestApp.NewPrefix());

        var (status, body, contentType) = await worker.InvokeHttpAsync(FunctionNames.GetDashboard, "GET", "dashboard");
        var (withKey, _, _) = await worker.InvokeHttpAsync(FunctionNames.GetDashboard, "GET", "dashboard", headers: new Dictionary<string, string> { ["x-api-key"] = TestApp.ApiKey });

        Assert.Equal((401, "application/problem+json"), (status, contentType));
        Assert.Contains("x-api-key", body, StringComparison.Ordinal);
        Assert.Equal(200, withKey);
    }

    [Fact]
    public async Task Storage_down_is_a_503_problem_in_the_worker_as_standalone()
    {
        using var worker = WorkerApp.Create(WorkerSettings(new Uri("http://127.0.0.1:1/feed")), TestApp.NewPrefix(), storage: AzuriteEnvironment.Unreachable);

        var (status, body, contentType) = await worker.InvokeHttpAsync(FunctionNames.GetDashboard, "GET", "dashboard");

        Assert.Equal((503, "application/problem+json"), (status, contentType));
        Assert.Contains("nothing was stored", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worker_exports_telemetry_through_the_workers_opentelemetry_defaults()
    {
        using var worker = WorkerApp.Create(WorkerSettings(new Uri("http://127.0.0.1:1/feed")), TestApp.NewPrefix());

        // UseFunctionsWorkerDefaults tells the host, by this capability, to leave invocation telemetry to the worker
        // (azure-functions-dotnet-worker, src/DotNetWorker.OpenTelemetry/ConfigureFunctionsOpenTelemetry.cs).
        var capabilities = worker.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value.Capabilities;
        Assert.Equal(bool.TrueString, capabilities["WorkerOpenTelemetryEnabled"]);
        Assert.NotNull(worker.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Equal("OpenTelemetry", JsonNode.Parse(File.ReadAllText(Repo.PathOf("host.json")))!["telemetryMode"]!.GetValue<string>());
    }

    [Fact]
    public void Under_the_functions_host_the_analysis_and_poll_queues_must_be_the_ones_the_triggers_read()
    {
        using var worker = WorkerApp.Create(WorkerSettings(new Uri("http://127.0.0.1:1/feed")), TestApp.NewPrefix());

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => App.Hosting.WorkerHost.EnsureTriggerQueue(worker.Host));

        Assert.Contains("Storage:AnalysisQueueName must be 'analyze-channel'", error.Message, StringComparison.Ordinal);
        using var pollQueue = WorkerApp.Create(TestApp.Merge(WorkerSettings(new Uri("http://127.0.0.1:1/feed")), new Dictionary<string, string?> { ["Storage:AnalysisQueueName"] = "analyze-channel" }), TestApp.NewPrefix());
        var pollError = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => App.Hosting.WorkerHost.EnsureTriggerQueue(pollQueue.Host));
        Assert.Contains("Storage:PollQueueName must be 'poll-channel'", pollError.Message, StringComparison.Ordinal);
        using var deployed = WorkerApp.Create(TestApp.Merge(WorkerSettings(new Uri("http://127.0.0.1:1/feed")), new Dictionary<string, string?> { ["Storage:AnalysisQueueName"] = "analyze-channel", ["Storage:PollQueueName"] = "poll-channel" }), TestApp.NewPrefix());
        Assert.Same(deployed.Host, App.Hosting.WorkerHost.EnsureTriggerQueue(deployed.Host));
    }
}
