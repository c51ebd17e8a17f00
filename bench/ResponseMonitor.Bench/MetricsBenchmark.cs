using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// <c>GET /api/metrics</c> for one channel over 30 days of history, against Azurite: the time and storage transactions
/// of <see cref="MetricsService.ReportAsync"/>, against a baseline in the same run, which is the storage read it
/// cannot avoid (the same items, read with <see cref="IItemStore.GetCreatedBetweenAsync"/>). Median of 5 runs each.
/// The channel has business hours, so every duration is computed twice.
/// </summary>
internal static class MetricsBenchmark
{
    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> threadCounts)
    {
        Console.WriteLine("| threads (items) | read alone (ms) | report (ms) | report / read | storage transactions per report |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var threads in threadCounts)
        {
            var counter = new TransactionCounter();
            var prefix = "mbench" + Guid.NewGuid().ToString("N")[..8];
            await using var app = StandaloneHost.Create(
            [
                "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789", $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}",
                $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}", "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
                "--Monitor:Channels:0:Id=ch", "--Monitor:Channels:0:FeedUrl=http://127.0.0.1:1/feed", "--Monitor:Channels:0:BrandAuthorIds:0=brand", "--Monitor:Exclusions:AutomationAuthorIds:0=bot",
                "--Monitor:BusinessHours:TimeZone=Europe/Madrid", "--Monitor:BusinessHours:Monday=09:00-18:00", "--Monitor:BusinessHours:Tuesday=09:00-18:00",
                "--Monitor:BusinessHours:Wednesday=09:00-18:00", "--Monitor:BusinessHours:Thursday=09:00-18:00", "--Monitor:BusinessHours:Friday=09:00-14:00",
            ], services => services.AddSingleton<HttpPipelinePolicy>(counter));
            var channel = app.Services.GetRequiredService<IChannelCatalog>().Find("ch")!;
            var now = DateTimeOffset.UtcNow;
            var items = History(threads, now);
            await app.Services.GetRequiredService<IngestionService>().IngestAsync(channel, items, CancellationToken.None);

            var store = app.Services.GetRequiredService<IItemStore>();
            var metrics = app.Services.GetRequiredService<MetricsService>();
            var from = now.AddDays(-30);
            var reads = new List<double>();
            var reports = new List<double>();
            long transactions = 0;
            await metrics.ReportAsync([channel], from, now, CancellationToken.None); // warm-up
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                await store.GetCreatedBetweenAsync(channel.Id, from.AddDays(-30), now, CancellationToken.None);
                reads.Add(clock.Elapsed.TotalMilliseconds);

                counter.Reset();
                clock.Restart();
                await metrics.ReportAsync([channel], from, now, CancellationToken.None);
                reports.Add(clock.Elapsed.TotalMilliseconds);
                transactions = counter.Reset();
            }

            var read = Statistics.Median(reads);
            var report = Statistics.Median(reports);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threads} ({items.Count}) | {read:F0} | {report:F0} | {report / read:F2} | {transactions} |"));
        }

        return 0;
    }

    /// <summary>30 days of threads: a question, mostly answered within hours, sometimes a follow-up run, a thank-you or a bot reply.</summary>
    private static List<ContentItem> History(int threads, DateTimeOffset now)
    {
        var random = new Random(42);
        var items = new List<ContentItem> { new() { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = now.AddDays(-31), Text = "Our news" } };
        for (var t = 0; t < threads; t++)
        {
            var at = now.AddDays(-30).AddMinutes(random.Next(0, 30 * 24 * 60));
            items.Add(new() { Id = $"c{t}", ParentId = "p", Kind = ItemKind.Comment, AuthorId = $"u{t}", CreatedAt = at, Text = "Where is my order? Still waiting" });
            if (random.NextDouble() < 0.2)
            {
                items.Add(new() { Id = $"b{t}", ParentId = $"c{t}", Kind = ItemKind.Comment, AuthorId = "bot", CreatedAt = at.AddMinutes(1), Text = "[auto] We got your message" });
            }

            if (random.NextDouble() < 0.85)
            {
                var answer = at.AddMinutes(random.Next(5, 36 * 60));
                if (answer < now)
                {
                    items.Add(new() { Id = $"r{t}", ParentId = $"c{t}", Kind = ItemKind.Comment, AuthorId = "brand", CreatedAt = answer, Text = "Sorry, it ships today" });
                    if (random.NextDouble() < 0.3 && answer.AddMinutes(10) < now)
                    {
                        items.Add(new() { Id = $"t{t}", ParentId = $"r{t}", Kind = ItemKind.Comment, AuthorId = $"u{t}", CreatedAt = answer.AddMinutes(10), Text = "Thanks!" });
                    }
                }
            }
        }

        return items;
    }
}
