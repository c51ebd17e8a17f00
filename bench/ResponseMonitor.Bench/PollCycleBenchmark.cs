using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Standalone;

namespace ResponseMonitor.Bench;

/// <summary>
/// One PollChannels cycle over N generic-feed channels served by a loopback server, against Azurite: wall time and
/// storage transactions for the first cycle (every channel new: 1 post and 3 comments), a steady cycle (nothing new),
/// and the AnalyzeChannel runs the first cycle queued. These are the per-cycle figures the cost model in docs/DEPLOY.md uses.
/// </summary>
internal static class PollCycleBenchmark
{
    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> channelCounts)
    {
        await using var feed = await LoopbackFeed.StartAsync(TimeSpan.Zero, answeredComment: true);
        Console.WriteLine("| channels | cycle | wall time (s) | storage transactions | per channel | analyses run | analysis wall time (s) | analysis transactions per channel |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var n in channelCounts)
        {
            var counter = new TransactionCounter();
            var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
            var args = new List<string>
            {
                "--urls=http://127.0.0.1:0",
                "--Hosting:Triggers=false",
                "--Api:Key=bench-api-key-0123456789",
                $"--AzureWebJobsStorage={storage}",
                $"--Storage:Prefix={prefix}",
                $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
                "--Logging:LogLevel:Default=Error",
                "--Telemetry:ConsoleMetrics=false",
                "--Polling:MaxConcurrency=4",
                "--extensions:queues:batchSize=16",
            };
            for (var i = 0; i < n; i++)
            {
                args.Add($"--Monitor:Channels:{i}:Id=ch{i}");
                args.Add($"--Monitor:Channels:{i}:FeedUrl={feed.Url}/feed/ch{i}");
                args.Add($"--Monitor:Channels:{i}:BrandAuthorIds:0=brand");
            }

            var app = StandaloneHost.Create([.. args], services => services.AddSingleton<HttpPipelinePolicy>(counter));
            await app.StartAsync();
            var timer = app.Services.GetRequiredService<PollChannelsFunction>();
            var polls = app.Services.GetQueueListener(FunctionNames.PollChannel);
            var listener = app.Services.GetQueueListener(FunctionNames.AnalyzeChannel);

            // A whole cycle: the timer schedules, the poll listener polls every batch.
            async Task CycleAsync()
            {
                await timer.RunAsync(CancellationToken.None);
                while (await polls.RunOnceAsync(CancellationToken.None) > 0)
                {
                }
            }

            // Table and queue creation happen once per process; do them before counting.
            await app.Services.GetRequiredService<Storage.Queues.StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
            await app.Services.GetRequiredService<Storage.Queues.StoragePollQueue>().GetQueueAsync(CancellationToken.None);
            counter.Reset();

            var (firstSeconds, firstTransactions) = await TimeAsync(counter, CycleAsync);
            var analyses = 0;
            var (analysisSeconds, analysisTransactions) = await TimeAsync(counter, async () =>
            {
                int processed;
                while ((processed = await listener.RunOnceAsync(CancellationToken.None)) > 0)
                {
                    analyses += processed;
                }
            });
            var (steadySeconds, steadyTransactions) = await TimeAsync(counter, CycleAsync);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | first (all new) | {firstSeconds:F2} | {firstTransactions} | {(double)firstTransactions / n:F1} | {analyses} | {analysisSeconds:F2} | {(analyses == 0 ? 0 : (double)analysisTransactions / analyses):F1} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | steady (nothing new) | {steadySeconds:F2} | {steadyTransactions} | {(double)steadyTransactions / n:F1} | 0 | - | - |"));
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return 0;
    }

    private static async Task<(double Seconds, long Transactions)> TimeAsync(TransactionCounter counter, Func<Task> action)
    {
        counter.Reset();
        var clock = Stopwatch.StartNew();
        await action();
        return (clock.Elapsed.TotalSeconds, counter.Reset());
    }
}
