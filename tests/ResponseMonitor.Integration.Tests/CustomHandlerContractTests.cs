using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResponseMonitor.App.CustomHandler;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The Azure Functions custom handler contract, exercised as the host would: invocation payloads posted to
/// /{FunctionName}, HTTP requests forwarded as-is, and every function.json naming something the app serves.
/// </summary>
public sealed class CustomHandlerContractTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-2);

    private static object TimerInvocation() => new
    {
        Data = new { timer = new { Schedule = new { AdjustForDST = true }, ScheduleStatus = (object?)null, IsPastDue = false } },
        Metadata = new { sys = new { MethodName = "PollChannels", UtcNow = DateTimeOffset.UtcNow, RandGuid = Guid.NewGuid() } },
    };

    private static object QueueInvocation(string message) => new
    {
        Data = new { message },
        Metadata = new { DequeueCount = 1, Id = Guid.NewGuid(), PopReceipt = "AgAAAAMAAAAAAAAA", sys = new { MethodName = "AnalyzeChannel" } },
    };

    private static async Task<JsonObject> ReadInvocationResponse(HttpResponseMessage response)
    {
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(json.ContainsKey("Outputs"));
        Assert.True(json.ContainsKey("Logs"));
        Assert.True(json.ContainsKey("ReturnValue"));
        return json;
    }

    [Fact]
    public async Task Timer_then_queue_invocations_poll_and_analyse_like_the_host_drives_them()
    {
        await using var feed = await LoopbackServer.StartAsync();
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", T0), Feed.Comment("c1", "p1", "u1", T0.AddMinutes(5), "Still waiting for my refund, no answer!")]));
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", feed.Url("/feed")));

        using var poll = await app.InvokeAsync("PollChannels", TimerInvocation());
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var pollJson = await ReadInvocationResponse(poll);
        Assert.Contains("2 items stored", pollJson["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // The poll queued the channel; hand the host's dequeued message to the queue function.
        var queue = await app.Get<Storage.Queues.StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        var message = (await queue.ReceiveMessageAsync()).Value;
        using var analyze = await app.InvokeAsync("AnalyzeChannel", QueueInvocation(message.Body.ToString()));
        Assert.Equal(HttpStatusCode.OK, analyze.StatusCode);
        var analyzeJson = await ReadInvocationResponse(analyze);
        Assert.Contains("1 open, 1 critical", analyzeJson["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var snapshot = await app.Get<ISnapshotStore>().GetAsync("ch", CancellationToken.None);
        Assert.Equal((1, 1), (snapshot!.OpenCount, snapshot.CriticalOpenCount));
    }

    [Fact]
    public async Task A_queue_message_that_arrives_as_a_parsed_object_is_accepted_too()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));
        var invocation = new { Data = new { message = new { channelId = "ch", reason = "test", requestedAt = DateTimeOffset.UtcNow } }, Metadata = new { } };

        using var response = await app.InvokeAsync("AnalyzeChannel", invocation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all", "not an analysis request")]
    [InlineData("{\"channelId\":\"nope\",\"reason\":\"x\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}", "No channel 'nope'")]
    public async Task A_bad_queue_message_fails_the_invocation_so_the_host_retries_then_poisons_it(string message, string expected)
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));

        using var response = await app.InvokeAsync("AnalyzeChannel", QueueInvocation(message));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var json = await ReadInvocationResponse(response);
        Assert.Contains(expected, json["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invocation_without_the_queue_binding_is_rejected_with_the_reason()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.InvokeAsync("AnalyzeChannel", new { Data = new { other = "x" }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await ReadInvocationResponse(response);
        Assert.Contains("must be named 'message'", json["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_http_requests_reach_the_api_under_the_same_paths()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")));

        using var health = await app.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("CustomHandler", JsonNode.Parse(await health.Content.ReadAsStringAsync())!["mode"]!.GetValue<string>());
        var dashboard = await app.GetJsonAsync("/api/dashboard");
        Assert.Equal("ch", dashboard["channels"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_function_json_names_a_trigger_the_app_serves()
    {
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed"), webhookSecret: "s3cret-s3cret"));
        var root = Repo.Root;
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "host.json")))!;
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("ResponseMonitor", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Equal(app.Get<Microsoft.Extensions.Options.IOptions<App.Standalone.QueueListenerOptions>>().Value.MaxDequeueCount, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());

        var functions = Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "function.json"))).ToList();
        Assert.Equal(["AnalyzeChannel", "Api", "Health", "PollChannels", "Webhooks"], functions.Select(f => Path.GetFileName(f)!).Order().ToArray());

        var httpProbes = new Dictionary<string, (HttpMethod Method, string Path, HttpStatusCode NotExpected)>
        {
            ["Api"] = (HttpMethod.Get, "/api/dashboard", HttpStatusCode.NotFound),
            ["Health"] = (HttpMethod.Get, "/api/health", HttpStatusCode.NotFound),
            ["Webhooks"] = (HttpMethod.Post, "/api/webhooks/ch", HttpStatusCode.NotFound),
        };
        foreach (var folder in functions)
        {
            var name = Path.GetFileName(folder);
            var binding = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "function.json")))!["bindings"]![0]!;
            var type = binding["type"]!.GetValue<string>();
            switch (type)
            {
                case "timerTrigger":
                    Assert.Equal("%PollSchedule%", binding["schedule"]!.GetValue<string>());
                    using (var r = await app.InvokeAsync(name, TimerInvocation()))
                    {
                        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                    }

                    break;
                case "queueTrigger":
                    Assert.Equal(CustomHandlerEndpoints.QueueBindingName, binding["name"]!.GetValue<string>());
                    Assert.Equal("analyze-channel", binding["queueName"]!.GetValue<string>());
                    using (var r = await app.InvokeAsync(name, QueueInvocation("{\"channelId\":\"ch\",\"reason\":\"t\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}")))
                    {
                        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                    }

                    break;
                case "httpTrigger":
                    var probe = httpProbes[name];
                    using (var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = probe.Method == HttpMethod.Post ? new StringContent("{}") : null })
                    using (var r = await app.Client.SendAsync(request))
                    {
                        Assert.NotEqual(probe.NotExpected, r.StatusCode);
                    }

                    Assert.Equal(name is "Api" ? "function" : "anonymous", binding["authLevel"]!.GetValue<string>());
                    break;
                default:
                    Assert.Fail($"{name}/function.json has an unexpected trigger type '{type}'.");
                    break;
            }
        }

        // Every API route the app maps is reachable through some HTTP function: its first segment and its method.
        var bindings = new List<(string Name, System.Text.RegularExpressions.Regex Route, string[] Methods)>();
        foreach (var folder in functions)
        {
            var binding = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "function.json")))!["bindings"]![0]!;
            if (binding["type"]!.GetValue<string>() == "httpTrigger")
            {
                var route = binding["route"]!.GetValue<string>();
                var area = System.Text.RegularExpressions.Regex.Match(route, @"regex\((.+)\)\}").Groups[1].Value;
                var pattern = area.Length > 0 ? area : "^" + System.Text.RegularExpressions.Regex.Escape(route.Split('/')[0]) + "$";
                bindings.Add((Path.GetFileName(folder)!, new System.Text.RegularExpressions.Regex(pattern), [.. binding["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant())]));
            }
        }

        var endpoints = app.Get<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/classify");
        foreach (var endpoint in endpoints)
        {
            var segment = endpoint.RoutePattern.RawText!["/api/".Length..].Split('/')[0];
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                Assert.True(
                    bindings.Any(b => b.Route.IsMatch(segment) && b.Methods.Contains(method)),
                    $"{method} {endpoint.RoutePattern.RawText} is served by the app but no function.json routes it, so Azure Functions would answer 404.");
            }
        }
    }
}
