using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// Dashboard cost follows what is open, not history (docs/PERFORMANCE.md, "Dashboard cost and stored history"): p50,
/// p90 and p99 of <c>GET /api/dashboard</c>, <c>/api/unanswered</c> and <c>/api/channels/{id}</c> over the HTTP API, for
/// the same channels with the same open set, under a small and a large stored history, timed side by side. History is 60
/// to 390 days old (inside the 400-day retention, outside the 30-day analysis window), so it changes nothing open.
/// Azurite slows as one partition grows (shared/notes/azurite-scaling.md), so history is spread over many channels (200
/// by default). Each size is measured with the read cache off (every request computes its answer) and on (the answer
/// served).
/// </summary>
internal static class DashboardBenchmark
{
    private const int DefaultChannels = 200;
    private const int OpenPerChannel = 20;
    private const int DefaultRequests = 200;
    private const string Key = BenchApp.Key;

    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes, int? channelCount = null, int? requestCount = null)
    {
        var channels = channelCount ?? DefaultChannels;
        var requests = requestCount ?? DefaultRequests;
        // Every size is loaded first, each under a Storage:Prefix of its own in the same Azurite.
        var prefixes = new List<string>();
        foreach (var history in sizes)
        {
            var prefix = "db" + Guid.NewGuid().ToString("N")[..8];
            prefixes.Add(prefix);
            var load = Stopwatch.StartNew();
            await using (var loader = await StartAsync(storage, prefix, channels, cacheSeconds: 0))
            {
                await LoadAsync(loader.App, history, channels);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{history:N0} stored comments in {channels} channels loaded in {load.Elapsed.TotalSeconds:F0} s ({history / load.Elapsed.TotalSeconds:F0} a second, the open sets and their analyses included)"));
        }

        // Then the sizes are measured side by side, request by request (small, large, small, large…), each by an app of
        // its own in this process: measured one after the other, the first size paid for the process's warm-up (JIT
        // tiering, connection pools) and came out slower, which flattered the second.
        var results = new List<(int History, string Route, bool Cached, double P50, double P90, double P99)>();
        foreach (var cached in new[] { false, true })
        {
            var apps = new List<Running>();
            var clients = new List<HttpClient>();
            try
            {
                foreach (var prefix in prefixes)
                {
                    var run = await StartAsync(storage, prefix, channels, cached ? 5 : 0);
                    apps.Add(run);
                    var http = new HttpClient { BaseAddress = new Uri(run.App.Urls.First()) };
                    http.DefaultRequestHeaders.Add("x-api-key", Key);
                    clients.Add(http);
                }

                // The storage baseline of the same moment: the query the channel route makes of its open copies, sent raw.
                var open = prefixes.Select(prefix => new Azure.Data.Tables.TableClient(storage, prefix + "Open")).ToList();
                var baseline = await SideBySideAsync(sizes.Count, requests, async s =>
                {
                    await foreach (var row in open[s].QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "ch7"))
                    {
                        _ = row;
                    }
                });
                AddResults(results, sizes, "raw query of ch7's open copies (baseline)", cached, baseline);
                foreach (var route in new[] { "/api/dashboard", "/api/unanswered?limit=100", "/api/channels/ch7" })
                {
                    var times = await SideBySideAsync(sizes.Count, requests, async s =>
                    {
                        using var answer = await clients[s].GetAsync(route);
                        answer.EnsureSuccessStatusCode();
                        _ = await answer.Content.ReadAsByteArrayAsync();
                    });
                    AddResults(results, sizes, route, cached, times);
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
                foreach (var app in apps)
                {
                    await app.DisposeAsync();
                }
            }
        }

        Console.WriteLine($"| route | read cache | {string.Join(" | ", sizes.Select(s => $"{s:N0} stored: p50 / p90 / p99 (ms)"))} | p50 ratio | p90 ratio | p99 ratio |");
        Console.WriteLine($"|---|---|{string.Concat(sizes.Select(_ => "---|"))}---|---|---|");
        foreach (var group in results.GroupBy(r => (r.Route, r.Cached)))
        {
            var rows = group.OrderBy(r => r.History).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(group.Key.Route.StartsWith('/') ? $"`{group.Key.Route}`" : group.Key.Route)} | {(group.Key.Cached ? "on (5 s)" : "off")} | {string.Join(" | ", rows.Select(r => $"{r.P50:F1} / {r.P90:F1} / {r.P99:F1}"))} | **{rows[^1].P50 / rows[0].P50:F2}** | **{rows[^1].P90 / rows[0].P90:F2}** | **{rows[^1].P99 / rows[0].P99:F2}** |"));
        }

        return 0;
    }

    /// <summary>Times <paramref name="requests"/> calls per size, sizes alternating, after 20 uncounted rounds.</summary>
    private static async Task<List<double>[]> SideBySideAsync(int sizes, int requests, Func<int, Task> call)
    {
        var times = Enumerable.Range(0, sizes).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < requests + 20; i++)
        {
            for (var s = 0; s < sizes; s++)
            {
                var start = Stopwatch.GetTimestamp();
                await call(s);
                if (i >= 20)
                {
                    times[s].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        return times;
    }

    private static void AddResults(List<(int History, string Route, bool Cached, double P50, double P90, double P99)> results, IReadOnlyList<int> sizes, string route, bool cached, List<double>[] times)
    {
        for (var s = 0; s < sizes.Count; s++)
        {
            results.Add((sizes[s], route, cached, Statistics.Median(times[s]), Statistics.Quantile(times[s], 0.9), Statistics.Quantile(times[s], 0.99)));
        }
    }

    private sealed class Running(WebApplication app) : IAsyncDisposable
    {
        public WebApplication App => app;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<Running> StartAsync(string storage, string prefix, int channels, int cacheSeconds) =>
        new(await BenchApp.StartAsync(storage, prefix, Enumerable.Range(0, channels).Select(c => $"ch{c}"), cacheSeconds));

    /// <summary>
    /// History straight to the item store, four channels at a time; then the same recent open set everywhere, analysed.
    /// History is written in key order: channels in ordinal order of their ids, and row keys that only grow across the
    /// load. Azurite's in-memory store (LokiJS) keeps a sorted array per index (PartitionKey and RowKey) and inserts
    /// each new entity's position with a splice, which moves the whole tail of the array. In random order that costs
    /// time in proportion to the table already stored (a load of 1,000,000 was still running after 10 minutes); in key order every
    /// splice is at the end. Azure Table Storage has no such cost, and the routes measured never read history.
    /// </summary>
    private static async Task LoadAsync(WebApplication app, int history, int channels)
    {
        var store = app.Services.GetRequiredService<IItemStore>();
        var now = DateTimeOffset.UtcNow;
        var perChannel = history / channels;
        var ordered = Enumerable.Range(0, channels).Select(c => $"ch{c}").Order(StringComparer.Ordinal).ToList();
        var stored = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ordered, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (channelId, ct) =>
        {
            // "-" sorts below every digit, so "hch1-…" < "hch10-…" as "ch1" < "ch10": row keys grow with the channel order.
            string Id(int i) => $"h{channelId}-{i:D7}";
            var items = Enumerable.Range(0, perChannel).Select(i => new ContentItem
            {
                Id = Id(i),
                ParentId = i % 2 == 0 ? null : Id(i - 1),
                Kind = ItemKind.Comment,
                AuthorId = i % 2 == 0 ? $"u{i % 997}" : "brand",
                AuthorName = i % 2 == 0 ? $"Name {i % 997}" : "Brand",
                CreatedAt = now.AddDays(-390).AddMinutes(i * (330.0 * 24 * 60 / Math.Max(1, perChannel))),
                Text = i % 2 == 0 ? "A comment of ordinary length, asking when the shop opens and whether the order has shipped." : "Thanks for asking: it shipped today.",
                ThreadId = Id(i - (i % 2)),
            });
            foreach (var chunk in items.Chunk(1000))
            {
                await store.UpsertAsync(channelId, chunk, ct);
                var total = Interlocked.Add(ref stored, chunk.Length);
                if (total / 100_000 != (total - chunk.Length) / 100_000)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total:N0} stored after {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        });

        var ingestion = app.Services.GetRequiredService<IngestionService>();
        var analysis = app.Services.GetRequiredService<ChannelAnalysisService>();
        var catalog = app.Services.GetRequiredService<IChannelCatalog>();
        await Parallel.ForAsync(0, channels, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, ct) =>
        {
            var channel = catalog.Find($"ch{c}")!;
            var recent = new List<ContentItem> { new() { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = now.AddDays(-2), Text = "New season, new colours" } };
            recent.AddRange(Enumerable.Range(0, OpenPerChannel).Select(i => new ContentItem
            {
                Id = $"o{i}",
                ParentId = "p",
                Kind = ItemKind.Comment,
                AuthorId = $"fan{i}",
                AuthorName = $"Fan {i}",
                CreatedAt = now.AddHours(-30 + i),
                Text = i % 4 == 0 ? "Still waiting for my refund, worst service ever!" : "When does the shop open on Sunday?",
            }));
            await ingestion.IngestAsync(channel, recent, ct);
            await analysis.AnalyzeAsync(channel.Id, ct);
        });
    }
}
