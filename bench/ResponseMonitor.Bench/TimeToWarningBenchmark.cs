using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Bench;

/// <summary>
/// Time to warning: from a critical comment appearing at the source to its notification arriving at a webhook
/// receiver, through the standalone app's own timer and queue listener over Azurite (nothing called by hand).
/// Poll path: the comment is added to a loopback feed; webhook path: it is pushed, signed, to /api/webhooks.
/// The baseline, measured in the same run, is one direct POST to the same receiver.
/// </summary>
internal static class TimeToWarningBenchmark
{
    private const string Secret = "bench-webhook-secret-0123456789";
    private const string Complaint = "Still waiting for my refund, worst service ever, no answer!";

    public static async Task<int> RunAsync(string storage, int runs)
    {
        var feedItems = new ConcurrentDictionary<string, string>();
        var firstServed = new ConcurrentDictionary<string, long>();
        var arrivals = new ConcurrentDictionary<string, long>();
        var t0 = DateTimeOffset.UtcNow;
        feedItems["p"] = Item("p", null, "brand", t0.AddMinutes(-5), "Our new collection is out");

        await using var feed = await StartAsync(app => app.MapGet("/feed", (string? since) =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var id in feedItems.Keys)
            {
                firstServed.TryAdd(id, now);
            }

            return Results.Text($"{{\"items\":[{string.Join(',', feedItems.Values)}]}}", "application/json");
        }));
        await using var receiver = await StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            var now = Stopwatch.GetTimestamp();
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            foreach (var note in body["notifications"]?.AsArray() ?? [])
            {
                arrivals.TryAdd(note!["subject"]!.GetValue<string>(), now);
            }

            return Results.NoContent();
        }));

        var prefix = "ttw" + Guid.NewGuid().ToString("N")[..8];
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Hosting:Triggers=true",
            "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}",
            $"--Storage:Prefix={prefix}",
            $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error",
            "--Telemetry:ConsoleMetrics=false",
            "--PollSchedule=*/2 * * * * *",
            "--extensions:queues:maxPollingInterval=00:00:01",
            "--Monitor:Channels:0:Id=ch",
            $"--Monitor:Channels:0:FeedUrl={feed.Urls.First()}/feed",
            "--Monitor:Channels:0:BrandAuthorIds:0=brand",
            $"--Monitor:Channels:0:WebhookSecret={Secret}",
            "--Monitor:Channels:0:CriticThreshold=00:00:00",
            "--Monitor:Warnings:ResponseTarget=",
            $"--Notifications:WebhookUrl={receiver.Urls.First()}/hook",
        ];
        var app = StandaloneHost.Create(args);
        await app.StartAsync();
        var appUrl = app.Urls.First();
        using var http = new HttpClient();
        await Task.Delay(TimeSpan.FromSeconds(5));   // first poll, tables, queues

        var baseline = new List<double>();
        var pollTotal = new List<double>();
        var pollPipeline = new List<double>();
        var pushTotal = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Baseline: one POST straight to the receiver.
            var start = Stopwatch.GetTimestamp();
            using (var direct = await http.PostAsync(new Uri($"{receiver.Urls.First()}/hook"), new StringContent("{\"notifications\":[]}", Encoding.UTF8, "application/json")))
            {
                baseline.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            // Poll path.
            var pollId = $"poll-{run}";
            start = Stopwatch.GetTimestamp();
            feedItems[pollId] = Item(pollId, "p", "u" + run, DateTimeOffset.UtcNow, Complaint);
            var arrived = await WaitAsync(arrivals, pollId);
            pollTotal.Add(Ms(start, arrived));
            pollPipeline.Add(Ms(firstServed[pollId], arrived));

            // Webhook path.
            var pushId = $"push-{run}";
            var body = $"{{\"items\":[{Item(pushId, "p", "w" + run, DateTimeOffset.UtcNow, Complaint)}]}}";
            using var push = new HttpRequestMessage(HttpMethod.Post, new Uri($"{appUrl}/api/webhooks/ch")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            push.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
            start = Stopwatch.GetTimestamp();
            using (var accepted = await http.SendAsync(push))
            {
                accepted.EnsureSuccessStatusCode();
            }

            pushTotal.Add(Ms(start, await WaitAsync(arrivals, pushId)));
        }

        await app.StopAsync();
        await app.DisposeAsync();

        var floor = Statistics.Median(baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} runs each; poll schedule every 2 s, queue polling at most every 1 s; baseline (direct POST to the receiver) median {floor:F1} ms"));
        Console.WriteLine("| path | median (ms) | p90 (ms) | median ÷ baseline |");
        Console.WriteLine("|---|---|---|---|");
        Row("poll: comment appears → notification", pollTotal, floor);
        Row("poll: feed read → notification (pipeline only)", pollPipeline, floor);
        Row("webhook: push → notification", pushTotal, floor);
        return 0;
    }

    private static void Row(string name, List<double> values, double floor)
    {
        var median = Statistics.Median(values);
        var p90 = Statistics.Quantile(values, 0.9);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F0} | {p90:F0} | {median / floor:F0}× |"));
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static async Task<long> WaitAsync(ConcurrentDictionary<string, long> arrivals, string id)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        while (!arrivals.ContainsKey(id))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"No notification for {id} within 60 s.");
            }

            await Task.Delay(5);
        }

        return arrivals[id];
    }

    private static string Item(string id, string? parent, string author, DateTimeOffset at, string text) =>
        new JsonObject
        {
            ["id"] = id,
            ["parentId"] = parent,
            ["authorId"] = author,
            ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["text"] = text,
        }.ToJsonString();

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
