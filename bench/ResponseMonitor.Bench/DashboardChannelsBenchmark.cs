using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Estate;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// Issue 28: <c>GET /api/dashboard</c> as the estate grows from 100 to 10,000 channels: p50 and p90 latency and the
/// answer's bytes, for the whole answer (no query: the first page of 1,000) and for pages of 100 (<c>limit</c>, then
/// <c>after</c> a channel in the middle), with the read cache off (each request computes its answer) and on (5 s).
/// Each size is an app of its own in this process, over its own tables in one Azurite, measured side by side
/// (request by request, sizes alternating) after uncounted warm-up rounds. Every channel has a state and a snapshot,
/// copied from one channel's real analysis (four comments, one critical, one answered), so only the count differs.
/// An estate over 1,000 channels reads only the page's channels and takes its totals from the record the poll timer
/// stores once a cycle: that step (<see cref="EstateTotalsService.RefreshAsync"/>) runs before each cache mode, as the
/// timer would, and is timed and counted apart. Storage transactions are counted per request (one request is one).
/// </summary>
internal static class DashboardChannelsBenchmark
{
    private const string Key = BenchApp.Key;

    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes, int requests)
    {
        var prefixes = new List<string>();
        foreach (var n in sizes)
        {
            var prefix = "dc" + Guid.NewGuid().ToString("N")[..8];
            prefixes.Add(prefix);
            var clock = Stopwatch.StartNew();
            var loader = await StartAsync(storage, prefix, n, cacheSeconds: 0);
            await LoadAsync(loader, n);
            await loader.StopAsync();
            await loader.DisposeAsync();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n:N0} channels loaded in {clock.Elapsed.TotalSeconds:F0} s"));
        }

        var table = new List<string>
        {
            $"| route | read cache | {string.Join(" | ", sizes.Select(s => $"{s:N0} channels: p50 / p90 (ms), KB, tx"))} | p50 ratio | p90 ratio | bytes ratio | tx ratio |",
            $"|---|---|{string.Concat(sizes.Select(_ => "---|"))}---|---|---|---|",
        };
        foreach (var cacheSeconds in new[] { 0, 5 })
        {
            var apps = new List<WebApplication>();
            var clients = new List<HttpClient>();
            var counters = new List<TransactionCounter>();
            foreach (var (prefix, n) in prefixes.Zip(sizes))
            {
                var counter = new TransactionCounter();
                counters.Add(counter);
                var app = await StartAsync(storage, prefix, n, cacheSeconds, counter);
                apps.Add(app);
                var totals = app.Services.GetRequiredService<EstateTotalsService>();
                if (!totals.IsLive)
                {
                    // The timer's step of each cycle, which requests then read.
                    counter.Reset();
                    var refresh = Stopwatch.StartNew();
                    await totals.RefreshAsync(CancellationToken.None);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n:N0} channels: totals counted by the timer's step in {refresh.Elapsed.TotalMilliseconds:F0} ms, {counter.Count} transactions"));
                }

                var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
                http.DefaultRequestHeaders.Add("x-api-key", Key);
                clients.Add(http);
            }

            // The middle page's token, as a client walking the pages would hold it.
            var middle = new List<string>();
            foreach (var http in clients)
            {
                string? token = null;
                for (var taken = 0; taken < Math.Max(1, sizes[middle.Count] / 2);)
                {
                    var limit = Math.Min(1000, Math.Max(1, sizes[middle.Count] / 2) - taken);
                    using var half = await http.GetAsync($"/api/dashboard?limit={limit}" + (token is null ? "" : "&after=" + Uri.EscapeDataString(token)));
                    half.EnsureSuccessStatusCode();
                    token = System.Text.Json.Nodes.JsonNode.Parse(await half.Content.ReadAsStringAsync())!["nextAfter"]!.GetValue<string>();
                    taken += limit;
                }

                middle.Add(Uri.EscapeDataString(token!));
            }

            // The baseline: the storage reads of a 100-channel page alone, through the stores (the three range queries
            // of the page's runs), so that what Azurite's own scans add with the estate is told apart from the app's.
            string[] routes = ["/api/dashboard", "/api/dashboard?limit=100", "/api/dashboard?limit=100&after={middle}", Baseline];
            foreach (var route in routes)
            {
                var times = sizes.Select(_ => new List<double>()).ToArray();
                var bytes = new long[sizes.Count];
                var transactions = new long[sizes.Count];
                for (var i = 0; i < requests + 5; i++)
                {
                    for (var s = 0; s < sizes.Count; s++)
                    {
                        var before = counters[s].Count;
                        var start = Stopwatch.GetTimestamp();
                        long length;
                        if (route == Baseline)
                        {
                            length = await ReadPageAloneAsync(apps[s].Services);
                        }
                        else
                        {
                            using var answer = await clients[s].GetAsync(route.Replace("{middle}", middle[s], StringComparison.Ordinal));
                            answer.EnsureSuccessStatusCode();
                            length = (await answer.Content.ReadAsByteArrayAsync()).Length;
                        }

                        if (i >= 5)
                        {
                            times[s].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                            bytes[s] = length;
                            transactions[s] += counters[s].Count - before;
                        }
                    }
                }

                var p50 = times.Select(t => Statistics.Median(t)).ToArray();
                var p90 = times.Select(t => Statistics.Quantile(t, 0.9)).ToArray();
                var perRequest = transactions.Select(t => (double)t / requests).ToArray();
                table.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| `{route.Replace("{middle}", "(middle)", StringComparison.Ordinal)}` | {(cacheSeconds == 0 ? "off" : $"on ({cacheSeconds} s)")} | {string.Join(" | ", Enumerable.Range(0, sizes.Count).Select(s => $"{p50[s]:F1} / {p90[s]:F1}, {(route == Baseline ? $"{bytes[s]} rows" : $"{bytes[s] / 1024.0:F0}")}, {perRequest[s]:F1}"))} | **{p50[^1] / p50[0]:F2}** | **{p90[^1] / p90[0]:F2}** | {(double)bytes[^1] / bytes[0]:F2} | {(perRequest[0] == 0 ? "-" : (perRequest[^1] / perRequest[0]).ToString("F2", CultureInfo.InvariantCulture))} |"));
                Console.Error.WriteLine(table[^1]);
            }

            clients.ForEach(c => c.Dispose());
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        table.ForEach(Console.WriteLine);
        return 0;
    }

    private const string Baseline = "(storage alone: the 100-channel page's range queries)";

    private static readonly string[] FirstHundred = [.. Enumerable.Range(0, 100).Select(Id)];

    /// <summary>What the first 100-channel page reads, straight from the stores; the rows read stand in for bytes.</summary>
    private static async Task<long> ReadPageAloneAsync(IServiceProvider services)
    {
        var snapshots = services.GetRequiredService<ISnapshotStore>().GetManyAsync(FirstHundred, CancellationToken.None);
        var states = services.GetRequiredService<IChannelStateStore>().GetManyAsync(FirstHundred, CancellationToken.None);
        var warnings = 0;
        await foreach (var _ in services.GetRequiredService<IWarningStore>().StreamAsync(new WarningQuery { ChannelIds = FirstHundred, States = new HashSet<Domain.Warnings.WarningState> { Domain.Warnings.WarningState.Firing, Domain.Warnings.WarningState.Pending } }, CancellationToken.None))
        {
            warnings++;
        }

        return (await snapshots).Count + (await states).Count + warnings;
    }

    private static string Id(int c) => "ch" + c.ToString("D5", CultureInfo.InvariantCulture);

    private static async Task<WebApplication> StartAsync(string storage, string prefix, int channels, int cacheSeconds, TransactionCounter? counter = null)
    {
        // Start-up is timed too: binding the channels' configuration grows with their count (docs/PERFORMANCE.md).
        var clock = Stopwatch.StartNew();
        var app = await BenchApp.StartAsync(storage, prefix, Enumerable.Range(0, channels).Select(Id), cacheSeconds, counter is null ? null : services => services.AddSingleton<HttpPipelinePolicy>(counter));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app with {channels:N0} channels started in {clock.Elapsed.TotalSeconds:F1} s"));
        return app;
    }

    /// <summary>One channel analysed for real; its snapshot and a polled state copied to every channel.</summary>
    private static async Task LoadAsync(WebApplication app, int channels)
    {
        var now = DateTimeOffset.UtcNow;
        var catalog = app.Services.GetRequiredService<IChannelCatalog>();
        var first = catalog.Find(Id(0))!;
        ContentItem Comment(string id, string? parent, string author, double hoursAgo, string text) => new()
        {
            Id = id, ParentId = parent, Kind = parent is null ? ItemKind.Post : ItemKind.Comment, AuthorId = author, AuthorName = author,
            CreatedAt = now.AddHours(-hoursAgo), Text = text,
        };
        await app.Services.GetRequiredService<IngestionService>().IngestAsync(first,
        [
            Comment("p", null, "brand", 30, "New season, new colours"),
            Comment("c1", "p", "u1", 20, "Still waiting for my refund, worst service ever!"),
            Comment("c2", "p", "u2", 10, "When does the shop open on Sunday?"),
            Comment("c3", "p", "u3", 9, "Love the colours"),
            Comment("r3", "c3", "brand", 8, "Thank you!"),
        ], CancellationToken.None);
        await app.Services.GetRequiredService<ChannelAnalysisService>().AnalyzeAsync(first.Id, CancellationToken.None);
        var snapshots = app.Services.GetRequiredService<ISnapshotStore>();
        var states = app.Services.GetRequiredService<IChannelStateStore>();
        var snapshot = (await snapshots.GetAsync(first.Id, CancellationToken.None))!;
        await Parallel.ForAsync(0, channels, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
        {
            await states.RecordPollSuccessAsync(Id(c), "cursor", now, ct);
            if (c > 0)
            {
                await snapshots.SaveAsync(snapshot with { ChannelId = Id(c) }, ct);
            }
        });
    }
}
