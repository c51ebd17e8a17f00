using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.Bench;

/// <summary>
/// Cost of the retention sweep of one channel (docs/PRIVACY.md): storage transactions and wall time against
/// Azurite, for a partition of N stored comments of which a share is past retention, then a second sweep with nothing
/// left to delete. Items are written straight to the item store (30 % of them replies, no warnings).
/// </summary>
internal static class SweepBenchmark
{
    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes)
    {
        Console.WriteLine("| stored items | past retention | deleted | transactions | per 100 deleted | wall time (s) | second sweep: transactions |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            foreach (var share in new[] { 0.0, 0.01, 0.1, 1.0 })
            {
                var counter = new TransactionCounter();
                var prefix = "sw" + Guid.NewGuid().ToString("N")[..8];
                var app = StandaloneHost.Create(
                [
                    "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789",
                    $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
                    "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
                    "--Monitor:Channels:0:Id=ch", "--Monitor:Channels:0:FeedUrl=http://127.0.0.1:1/feed", "--Monitor:Channels:0:BrandAuthorIds:0=brand",
                    "--Monitor:Channels:0:RetentionDays=30",
                ], services => services.AddSingleton<HttpPipelinePolicy>(counter));
                await app.StartAsync();
                var now = DateTimeOffset.UtcNow;
                var old = (int)Math.Round(n * share);
                var items = Enumerable.Range(0, n).Select(i => new ContentItem
                {
                    Id = $"c{i}",
                    ParentId = i % 10 < 3 && i > 0 ? $"c{i - 1}" : null,
                    Kind = ItemKind.Comment,
                    AuthorId = $"u{i % 997}",
                    AuthorName = $"Name {i % 997}",
                    CreatedAt = i < old ? now.AddDays(-40).AddSeconds(i) : now.AddDays(-5).AddSeconds(i),
                    Text = "A comment of ordinary length, asking when the shop opens and whether the order has shipped.",
                    ThreadId = $"c{i}",
                }).ToList();
                var store = app.Services.GetRequiredService<IItemStore>();
                foreach (var chunk in items.Chunk(1000))
                {
                    await store.UpsertAsync("ch", chunk, CancellationToken.None);
                }

                var sweeper = app.Services.GetRequiredService<RetentionSweeper>();
                var channel = app.Services.GetRequiredService<IChannelCatalog>().Find("ch")!;
                await app.Services.GetRequiredService<IPersonalDataStore>().GetLastSweepsAsync(CancellationToken.None);   // tables exist before counting
                counter.Reset();
                var clock = Stopwatch.StartNew();
                var result = await sweeper.SweepAsync(channel, CancellationToken.None);
                var seconds = clock.Elapsed.TotalSeconds;
                var transactions = counter.Reset();
                await sweeper.SweepAsync(channel, CancellationToken.None);
                var second = counter.Reset();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {n:N0} | {share:P0} | {result.Items:N0} | {transactions:N0} | {(result.Items == 0 ? "-" : (100.0 * transactions / result.Items).ToString("F1", CultureInfo.InvariantCulture))} | {seconds:F2} | {second:N0} |"));
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        return 0;
    }
}
