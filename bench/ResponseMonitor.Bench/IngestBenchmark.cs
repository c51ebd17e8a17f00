using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.Bench;

/// <summary>
/// Ingest against the storage ceiling (docs/PERFORMANCE.md, "Ingest"): comments stored per second through the app's
/// own paths, history import and signed webhook push, against raw <c>Azure.Data.Tables</c> batch upserts of the same
/// entities (the app's own rows, copied: same shape and size), 100 per transaction, one in flight as the app does,
/// into the same Azurite. Two cases, each against its own baseline with the same partition fill: fresh (new items into
/// an empty partition) and replay (the same items again into the full one). Runs are interleaved app, raw, app, raw,
/// three times, each in partitions of its own; the table gives the medians.
/// </summary>
internal static class IngestBenchmark
{
    private const string Secret = "bench-webhook-secret-0123456789";

    /// <summary>Runs per case by default; the table gives medians. These machines are noisy.</summary>
    private const int DefaultRuns = 3;

    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes, string? only = null, int? runCount = null)
    {
        var runs = runCount ?? DefaultRuns;
        Console.WriteLine("| comments | path | case | app (items/s) | raw (items/s) | app / raw | app transactions | raw transactions |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            foreach (var path in new[] { "import", "push" }.Where(p => only is null || p == only))
            {
                await RunOneAsync(storage, n, path, runs);
            }
        }

        return 0;
    }

    private static async Task RunOneAsync(string storage, int n, string path, int runs)
    {
        var counter = new TransactionCounter();
        var prefix = "in" + Guid.NewGuid().ToString("N")[..8];
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false", "--Api:ReadCacheSeconds=0",
        };
        var ids = Enumerable.Range(0, runs).Select(r => $"ch{r}").Append("warm").ToList();
        for (var c = 0; c < ids.Count; c++)
        {
            args.AddRange([$"--Monitor:Channels:{c}:Id={ids[c]}", $"--Monitor:Channels:{c}:FeedUrl=http://127.0.0.1:1/feed", $"--Monitor:Channels:{c}:BrandAuthorIds:0=brand", $"--Monitor:Channels:{c}:WebhookSecret={Secret}"]);
        }

        var app = StandaloneHost.Create([.. args], services => services.AddSingleton<HttpPipelinePolicy>(counter));
        await app.StartAsync();
        try
        {
            var items = Items(n);

            // Warm-up, uncounted: JIT and table creation on both sides, in partitions of their own.
            var service = new TableServiceClient(storage);
            var raw = service.GetTableClient("raw" + prefix);
            await raw.CreateIfNotExistsAsync();
            await AppAsync(app, path, Items(200), "warm");
            await RawAsync(raw, [.. Enumerable.Range(0, 200).Select(i => new TableEntity("warm", $"w{i}") { ["Text"] = "warm-up" })]);
            var appTable = service.GetTableClient(prefix + "Items");

            // Each run in partitions of its own, interleaved app, raw; fresh, then replay of the same partition.
            var (appFresh, rawFresh, appReplay, rawReplay) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            long appFreshTx = 0, rawFreshTx = 0, appReplayTx = 0, rawReplayTx = 0;
            for (var run = 0; run < runs; run++)
            {
                var channel = $"ch{run}";
                counter.Reset();
                appFresh.Add(await AppAsync(app, path, items, channel));
                appFreshTx = counter.Reset();

                // The raw baseline writes the app's own rows, copied into a partition of its own.
                var rows = new List<TableEntity>(n);
                await foreach (var row in appTable.QueryAsync<TableEntity>(e => e.PartitionKey == channel))
                {
                    var copy = new TableEntity(row) { PartitionKey = "raw" + run, RowKey = row.RowKey };
                    copy.Remove("odata.etag");
                    copy.Remove("Timestamp");
                    rows.Add(copy);
                }

                // In the order the app wrote them (by creation time), not the query's key order: Azurite's cost of an
                // insert depends on where its key falls among those already stored, so order is part of "the same rows".
                rows = [.. rows.OrderBy(r => r.GetDateTimeOffset("CreatedAt")).ThenBy(r => r.GetString("ParentId") is null ? 0 : 1)];
                var (rawSeconds, rawTx) = await RawAsync(raw, rows);
                rawFresh.Add(rawSeconds);
                rawFreshTx = rawTx;
                counter.Reset();
                appReplay.Add(await AppAsync(app, path, items, channel));
                appReplayTx = counter.Reset();
                (rawSeconds, rawTx) = await RawAsync(raw, rows);
                rawReplay.Add(rawSeconds);
                rawReplayTx = rawTx;
            }

            await raw.DeleteAsync();
            Row(n, path, "fresh", Statistics.Median(appFresh), Statistics.Median(rawFresh), appFreshTx, rawFreshTx);
            Row(n, path, "replay", Statistics.Median(appReplay), Statistics.Median(rawReplay), appReplayTx, rawReplayTx);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Row(int n, string path, string kind, double app, double raw, long appTx, long rawTx) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n:N0} | {path} | {kind} | {n / app:F0} | {n / raw:F0} | **{raw / app:F2}** | {appTx} | {rawTx} |"));

    /// <summary>Threads of ten: a brand post, then comments, every third a reply to the one before.</summary>
    private static List<JsonObject> Items(int n)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        return Enumerable.Range(0, n).Select(i =>
        {
            var post = i - (i % 10);
            var item = new JsonObject
            {
                ["id"] = $"c{i}",
                ["authorId"] = i % 10 == 0 ? "brand" : $"u{i % 997}",
                ["authorName"] = i % 10 == 0 ? "Brand" : $"Name {i % 997}",
                ["createdAt"] = start.AddSeconds(i * 30).ToString("O", CultureInfo.InvariantCulture),
                ["kind"] = i % 10 == 0 ? "post" : "comment",
                ["text"] = "A comment of ordinary length, asking when the shop opens and whether the order has shipped.",
            };
            if (i % 10 != 0)
            {
                item["parentId"] = i % 3 == 0 && i - 1 > post ? $"c{i - 1}" : $"c{post}";
            }

            return item;
        }).ToList();
    }

    /// <summary>Seconds to store the items through the app: one import of the whole file, or pushes of 100 items each.</summary>
    private static async Task<double> AppAsync(Microsoft.AspNetCore.Builder.WebApplication app, string path, List<JsonObject> items, string channelId)
    {
        var start = Stopwatch.GetTimestamp();
        if (path == "import")
        {
            var jsonl = string.Join('\n', items.Select(i => i.ToJsonString()));
            var channel = app.Services.GetRequiredService<IChannelCatalog>().Find(channelId)!;
            var result = await app.Services.GetRequiredService<HistoryImporter>().ImportAsync(channel, new StringReader(jsonl), ImportFormat.JsonLines, CancellationToken.None);
            if (result.Imported != items.Count)
            {
                throw new InvalidOperationException($"imported {result.Imported} of {items.Count}");
            }
        }
        else
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var chunk in items.Chunk(100))
            {
                var body = new JsonObject { ["items"] = new JsonArray([.. chunk.Select(c => c.DeepClone())]) }.ToJsonString();
                using var push = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{channelId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                push.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
                using var answer = await http.SendAsync(push);
                answer.EnsureSuccessStatusCode();
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Seconds to upsert the rows, 100 to a transaction, one in flight; each batch is one transaction.</summary>
    private static async Task<(double Seconds, long Transactions)> RawAsync(TableClient table, List<TableEntity> rows)
    {
        var start = Stopwatch.GetTimestamp();
        long transactions = 0;
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            transactions++;
        }

        return (Stopwatch.GetElapsedTime(start).TotalSeconds, transactions);
    }
}
