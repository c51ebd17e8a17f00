using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace ResponseMonitor.Bench.Stress;

/// <summary>
/// The stress runs of docs/RELIABILITY.md, each against the standalone app in its own process (as a user runs it),
/// its own Azurite, loopback feeds that grow while the run lasts, and a loopback notification receiver:
/// <list type="bullet">
/// <item><c>kill [times]</c>: SIGKILL at random moments of ingestion (polls and signed pushes), then restart.</item>
/// <item><c>outage</c>: storage stopped for 30 s, then frozen (SIGSTOP) for 30 s.</item>
/// <item><c>faultyfeed</c>: 60 s of feeds answering 429, 5xx, slow, cut short or mistyped at random, then healed.</item>
/// <item><c>load [clients] [seconds] [cacheSeconds]</c>: concurrent dashboard clients while polling runs, beside /api/health.</item>
/// <item><c>secrets</c>: a short run with every log level at Trace.</item>
/// </list>
/// Every run ends by waiting until the app has stored every item the feeds served and every push it acknowledged, and
/// checks: each item exactly once, no notification twice, and no secret in any log line, table row or queue message.
/// </summary>
internal sealed class StressRun : IAsyncDisposable
{
    private const string ApiKey = "stress-api-key-7f3a9c1e5b";
    private readonly string _prefix = "st" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _secretSuffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly HashSet<string> _pushed = new(StringComparer.Ordinal);
    private readonly string _logPath;
    private AzuriteProcess _azurite = null!;
    private StressFeed _feed = null!;
    private NotificationReceiver _receiver = null!;
    private AppProcess _app = null!;
    private int _pushes;

    private StressRun(string root, string verb)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, ".artifacts/stress"));
        _logPath = Path.Combine(root, ".artifacts/stress", verb + ".log");
        File.Delete(_logPath);
    }

    private string Root { get; }

    private string FeedToken => "feed-token-" + _secretSuffix;

    private string WebhookSecret => "hook-secret-" + _secretSuffix;

    private string SinkSecret => "sink-sig-" + _secretSuffix;

    public static async Task<int> RunAsync(string root, string[] args)
    {
        var verb = args.FirstOrDefault() ?? "";
        int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
        await using var run = new StressRun(root, verb);
        return verb switch
        {
            "kill" => await run.KillAsync(Arg(1, 50)),
            "outage" => await run.OutageAsync(),
            "faultyfeed" => await run.FaultyFeedAsync(),
            "load" => await run.LoadAsync(Arg(1, 200), Arg(2, 60), Arg(3, 5), Arg(4, 1000)),
            "secrets" => await run.SecretsAsync(),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: stress kill [times] | outage | faultyfeed | load [clients] [seconds] [cacheSeconds] [pauseMs] | secrets");
        return 2;
    }

    private async Task StartAsync(int channels, string pollSchedule, string logLevel = "Information", int cacheSeconds = 5)
    {
        _azurite = new AzuriteProcess(Root);
        await _azurite.StartAsync();
        _feed = await StressFeed.StartAsync(channels);
        _receiver = await NotificationReceiver.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Storage__Prefix"] = _prefix,
            ["Storage__AnalysisQueueName"] = "q-" + _prefix,
            ["Storage__PollQueueName"] = "p-" + _prefix,
            ["Api__Key"] = ApiKey,
            ["Api__ReadCacheSeconds"] = cacheSeconds.ToString(CultureInfo.InvariantCulture),
            ["PollSchedule"] = pollSchedule,
            ["extensions__queues__maxPollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = logLevel,
            ["Logging__LogLevel__Microsoft.AspNetCore"] = logLevel == "Trace" ? "Trace" : "Warning",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = logLevel == "Trace" ? "Trace" : "Warning",
            ["Logging__LogLevel__Azure"] = logLevel == "Trace" ? "Trace" : "Warning",
            ["Logging__LogLevel__Polly"] = logLevel == "Trace" ? "Trace" : "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Telemetry__ConsoleMetrics"] = "false",
            ["Notifications__WebhookUrl"] = _receiver.Url("/hook?sig=" + SinkSecret).ToString(),
        };
        for (var c = 0; c < channels; c++)
        {
            var p = $"Monitor__Channels__{c}__";
            environment[p + "Id"] = $"ch{c}";
            environment[p + "FeedUrl"] = new Uri(_feed.BaseAddress, $"/feed/{c}").ToString();
            environment[p + "AccessToken"] = FeedToken;
            environment[p + "WebhookSecret"] = WebhookSecret;
            environment[p + "BrandAuthorIds__0"] = "brand";
            environment[p + "CriticThreshold"] = "00:00:00";
        }

        var dll = Path.Combine(Root, "src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll");
        _app = new AppProcess(dll, environment, _logPath);
        _app.Start();
        await _app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<int> KillAsync(int times)
    {
        await StartAsync(channels: 10, pollSchedule: "*/1 * * * * *");
        using var stop = new CancellationTokenSource();
        var growing = GrowAsync(TimeSpan.FromMilliseconds(250), stop.Token);
        var pushing = PushAsync(stop.Token);
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 3000)));
            await _app.KillAsync();
            _app.Start();
            await _app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        }

        await stop.CancelAsync();
        await Task.WhenAll(growing, pushing);
        Console.WriteLine($"{times} kills (SIGKILL) over {clock.Elapsed.TotalSeconds:F0} s, during polls every second and {_pushes} signed pushes");
        return await VerifyAsync();
    }

    private async Task<int> OutageAsync()
    {
        await StartAsync(channels: 10, pollSchedule: "*/2 * * * * *");
        using var stop = new CancellationTokenSource();
        var growing = GrowAsync(TimeSpan.FromMilliseconds(500), stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(10));

        Console.WriteLine("| fault | requests | answers | slowest answer (s) |");
        Console.WriteLine("|---|---|---|---|");
        await _azurite.StopAsync();
        await ProbeAsync("storage stopped 30 s", TimeSpan.FromSeconds(30));
        await _azurite.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(15));
        await _azurite.FreezeAsync();
        await ProbeAsync("storage frozen (SIGSTOP) 30 s", TimeSpan.FromSeconds(30));
        await _azurite.ThawAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await growing;
        return await VerifyAsync();
    }

    private async Task<int> FaultyFeedAsync()
    {
        await StartAsync(channels: 10, pollSchedule: "*/1 * * * * *");
        using var stop = new CancellationTokenSource();
        var growing = GrowAsync(TimeSpan.FromMilliseconds(500), stop.Token);
        _feed.FaultRate = 0.3;
        await Task.Delay(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await growing;
        _feed.FaultRate = 0;
        Console.WriteLine($"Faulty feed for 60 s at 30 %: {string.Join(", ", _feed.Faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ×{f.Value}"))}; then healed");
        return await VerifyAsync();
    }

    private async Task<int> SecretsAsync()
    {
        await StartAsync(channels: 2, pollSchedule: "*/1 * * * * *", logLevel: "Trace");
        _feed.Grow();
        _feed.Grow();
        _feed.Grow();
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        // What a client may put in a query: a Functions key in ?code=, Meta's verification token.
        (await http.GetAsync($"/api/dashboard?code={ApiKey}")).Dispose();
        (await http.GetAsync($"/api/webhooks/ch0?hub.mode=subscribe&hub.verify_token={WebhookSecret}&hub.challenge=42")).Dispose();
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard");
        keyed.Headers.Add("x-api-key", ApiKey);
        (await http.SendAsync(keyed)).Dispose();
        await PushOnceAsync(http, 0);
        return await VerifyAsync();
    }

    private async Task<int> LoadAsync(int clients, int seconds, int cacheSeconds, int pauseMs)
    {
        const int Channels = 100;
        await StartAsync(Channels, pollSchedule: "*/10 * * * * *", cacheSeconds: cacheSeconds);
        // 84 comments a channel, 28 of them complaints: about 2,800 active warnings, as in the stress run.
        for (var i = 0; i < 84; i++)
        {
            _feed.Grow();
        }

        using var http = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        var warnings = 0;
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var now = JsonNode.Parse(await http.GetStringAsync("/api/dashboard"))!["activeWarningCount"]!.GetValue<int>();
            if (now == warnings && now > 0)
            {
                break;
            }

            warnings = now;
        }

        var dashboardBytes = (await http.GetByteArrayAsync("/api/dashboard")).Length;
        Console.WriteLine($"{Channels} channels, {warnings} active warnings, dashboard answer {dashboardBytes / 1024} KB; polling every 10 s; Api:ReadCacheSeconds={cacheSeconds}");
        Console.WriteLine("| phase | clients | pause between requests (ms) | requests | per second | errors | p50 (ms) | p99 (ms) | max (ms) | p99 ÷ baseline p99 | poll cycles started (on schedule) | longest cycle (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        using var stop = new CancellationTokenSource();
        var growing = GrowAsync(TimeSpan.FromSeconds(5), stop.Token);
        // Paced: each client asks again a moment after its answer, as a page that refreshes does (far more often than
        // the page's own 30 s). Then closed loop: no pause, the machine saturated.
        foreach (var pause in new[] { pauseMs, 0 })
        {
            var baseline = await HammerAsync("baseline: GET /api/health", clients, pause, TimeSpan.FromSeconds(seconds / 2), ["/api/health"], null);
            await HammerAsync("GET /api/dashboard + /api/unanswered", clients, pause, TimeSpan.FromSeconds(seconds), ["/api/dashboard", "/api/unanswered"], baseline);
        }

        await stop.CancelAsync();
        await growing;
        return await VerifyAsync();
    }

    private async Task<double> HammerAsync(string name, int clients, int pauseMs, TimeSpan duration, string[] paths, double? baselineP99)
    {
        // Clients behave as the page's browsers do: they accept gzip (the page's revalidation with ETags is not used here).
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.GZip };
        using var http = new HttpClient(handler) { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        var latencies = new List<double>[clients];
        var errors = 0;
        var from = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var i = c;
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(paths[i++ % paths.Length], HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (pauseMs > 0)
                {
                    await Task.Delay(pauseMs);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        var p99 = Statistics.Quantile(all, 0.99);
        var (started, onTime, longest) = PollCycles(from, DateTime.UtcNow);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {clients} | {pauseMs} | {all.Count} | {all.Count / elapsed:F0} | {errors} | {Statistics.Median(all):F0} | {p99:F0} | {all.Max():F0} | {(baselineP99 is { } b ? (p99 / b).ToString("F2", CultureInfo.InvariantCulture) : "1.00")} | {started} ({onTime}) of {elapsed / 10:F0} | {longest:F1} |"));
        return p99;
    }

    /// <summary>
    /// Poll cycles in the log between two instants: how many started, how many started within 2 s of their 10 s tick,
    /// and the longest (from "Polling N channels" to "Poll cycle:"). Reads the app's UTC console timestamps.
    /// </summary>
    private (int Started, int OnTime, double Longest) PollCycles(DateTime from, DateTime to)
    {
        var started = 0;
        var onTime = 0;
        var longest = 0.0;
        DateTime? open = null;
        foreach (var line in File.ReadLines(_logPath))
        {
            if (line.Length < 13 || !TimeSpan.TryParseExact(line[..12], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture, out var clock))
            {
                continue;
            }

            var at = from.Date + clock;
            if (at < from || at > to)
            {
                continue;
            }

            if (line.Contains("Poll cycle starting", StringComparison.Ordinal))
            {
                started++;
                onTime += at.TimeOfDay.TotalSeconds % 10 < 2 ? 1 : 0;
                open = at;
            }
            else if (line.Contains("Poll cycle:", StringComparison.Ordinal) && open is { } began)
            {
                longest = Math.Max(longest, (at - began).TotalSeconds);
                open = null;
            }
        }

        return (started, onTime, longest);
    }

    /// <summary>GET /api/dashboard in a loop while storage is down: every answer should be a quick 503.</summary>
    private async Task ProbeAsync(string name, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        var statuses = new Dictionary<int, int>();
        var slowest = 0.0;
        var requests = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            int status;
            try
            {
                using var response = await http.GetAsync($"/api/unanswered?limit={1 + (requests % 50)}");
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            requests++;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(start).TotalSeconds);
            await Task.Delay(200);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {requests} | {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))} | {slowest:F1} |"));
    }

    private async Task GrowAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(every, cancellationToken);
                _feed.Grow();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Signed pushes to channel 0, each retried until acknowledged, as a platform retries a webhook.</summary>
    private async Task PushAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (!await PushOnceAsync(http, n))
            {
                await Task.Delay(200, CancellationToken.None);
            }

            n++;
            await Task.Delay(150, CancellationToken.None);
        }
    }

    private async Task<bool> PushOnceAsync(HttpClient http, int n)
    {
        var id = $"ch0-w{n}";
        var body = new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = id,
                ["parentId"] = "ch0-p",
                ["kind"] = "comment",
                ["authorId"] = "pusher",
                ["authorName"] = "Name pusher",
                ["createdAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["text"] = StressFeed.Complaint,
            }),
        }.ToJsonString();
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/ch0") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", signature);
        try
        {
            using var response = await http.SendAsync(request);
            Interlocked.Increment(ref _pushes);
            if (response.IsSuccessStatusCode)
            {
                lock (_pushed)
                {
                    _pushed.Add(id);
                }

                return true;
            }

            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the app holds every item expected, then checks each exactly once and scans for secrets.</summary>
    private async Task<int> VerifyAsync()
    {
        var expected = _feed.Ids().Select((ids, c) => (Channel: $"ch{c}", Ids: ids)).ToList();
        var items = new TableClient(_azurite.ConnectionString, _prefix + "Items");
        var clock = Stopwatch.StartNew();
        var missing = 0;
        var extra = 0;
        var rows = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            var stored = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            rows = 0;
            try
            {
                await foreach (var entity in items.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "ItemId"]))
                {
                    rows++;
                    (stored.TryGetValue(entity.PartitionKey, out var list) ? list : stored[entity.PartitionKey] = []).Add(entity.GetString("ItemId") ?? entity.RowKey);
                }
            }
            catch (Azure.RequestFailedException)
            {
            }

            missing = 0;
            extra = 0;
            foreach (var (channel, ids) in expected)
            {
                var want = channel == "ch0" ? ids.Concat(_pushed).ToHashSet(StringComparer.Ordinal) : ids.ToHashSet(StringComparer.Ordinal);
                var have = stored.GetValueOrDefault(channel) ?? [];
                missing += want.Count(id => !have.Contains(id));
                extra += have.Count(id => !want.Contains(id) && !id.StartsWith("ch0-w", StringComparison.Ordinal));
            }

            if (missing == 0)
            {
                break;
            }

            await Task.Delay(1000);
        }

        // Let the last analyses and deliveries finish before counting notifications.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var expectedCount = expected.Sum(e => e.Ids.Count) + _pushed.Count;
        Console.WriteLine($"Items: {expectedCount} served or acknowledged, {rows} rows stored, {missing} missing, {extra} unexpected; converged {clock.Elapsed.TotalSeconds:F1} s after the faults ended");
        Console.WriteLine($"Notifications: {_receiver.Received.Count} distinct received, {_receiver.Duplicates} received more than once");
        var secrets = new Dictionary<string, string>
        {
            ["API key"] = ApiKey,
            ["feed access token"] = FeedToken,
            ["webhook secret"] = WebhookSecret,
            ["notification URL signature"] = SinkSecret,
        };
        var findings = await SecretsScan.RunAsync(_logPath, _azurite.ConnectionString, _prefix, secrets, [StressFeed.Complaint]);
        Console.WriteLine($"Log: {_logPath}");
        return missing == 0 && extra == 0 && rows == expectedCount && _receiver.Duplicates == 0 && findings.Count == 0 ? 0 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
