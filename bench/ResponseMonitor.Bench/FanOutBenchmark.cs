using System.Diagnostics;
using System.Globalization;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// The poll cycle fanned out through the poll queue (docs/PERFORMANCE.md, "Poll fan-out"):
/// 1. storage transactions and queue messages per channel per cycle at each size, one instance, counted by a policy
///    in the storage clients' pipeline, tables and queues apart;
/// 2. time to poll N channels with 1, 2 and 4 standalone instances against one Azurite (all in this process, each with
///    its own listeners), as ratios to one instance, and the analysis lag after the last poll.
/// </summary>
internal static class FanOutBenchmark
{
    /// <summary>What a platform takes to answer a quiet poll, so that instances have waiting to share, not only CPU.</summary>
    private static readonly TimeSpan FeedLatency = TimeSpan.FromMilliseconds(100);

    /// <param name="steadyOnly">
    /// Skip the first (all-new) cycle: every channel's state is written with a cursor beforehand, as a first cycle leaves
    /// it, so that a large estate's steady cycle can be counted without paying its first one (an hour at 10,000 on a
    /// loaded 2-core machine).
    /// </param>
    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes, int scaleChannels, bool steadyOnly = false)
    {
        await using var feed = await LoopbackFeed.StartAsync(FeedLatency, answeredComment: false);
        var url = feed.Url;
        Console.WriteLine("Transactions per channel per cycle, one instance (Polling:BatchSize 20):");
        Console.WriteLine("| channels | cycle | timer: table tx | timer: queue tx | polls: table tx | per channel | polls: queue tx | per channel | poll messages | analysis messages | wall (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            await CountAsync(storage, url, n, steadyOnly);
        }

        if (scaleChannels == 0)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine($"Time to poll {scaleChannels} channels (feed answers in {FeedLatency.TotalMilliseconds} ms; each instance 4 messages x 4 channels at a time):");
        Console.WriteLine("| instances | first cycle: poll (s) | speed-up | analysis lag after the last poll (s) | steady cycle: poll (s) | speed-up |");
        Console.WriteLine("|---|---|---|---|---|---|");
        double? baseFirst = null, baseSteady = null;
        foreach (var k in new[] { 1, 2, 4 })
        {
            var (first, lag, steady) = await ScaleAsync(storage, url, scaleChannels, k);
            baseFirst ??= first;
            baseSteady ??= steady;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {k} | {first:F2} | {baseFirst / first:F2} | {lag:F2} | {steady:F2} | {baseSteady / steady:F2} |"));
        }

        return 0;
    }

    private static List<string> Arguments(string storage, string prefix, string feedUrl, int n, bool triggers)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Hosting:Triggers={triggers}",
            "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}",
            $"--Storage:Prefix={prefix}",
            $"--Storage:AnalysisQueueName=q-{prefix}",
            $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error",
            "--Telemetry:ConsoleMetrics=false",
            "--Polling:MaxConcurrency=4",
            "--extensions:queues:batchSize=4",
            "--extensions:queues:maxPollingInterval=00:00:00.200",
            "--RunOnStartup=false",
            "--PollSchedule=0 0 0 1 1 *",
        };
        for (var i = 0; i < n; i++)
        {
            var id = "ch" + i.ToString("D5", CultureInfo.InvariantCulture);
            args.Add($"--Monitor:Channels:{i}:Id={id}");
            args.Add($"--Monitor:Channels:{i}:FeedUrl={feedUrl}/feed/{id}");
            args.Add($"--Monitor:Channels:{i}:BrandAuthorIds:0=brand");
        }

        return args;
    }

    private static async Task CountAsync(string storage, string feedUrl, int n, bool steadyOnly)
    {
        var counter = new TransactionCounter();
        var prefix = "fan" + Guid.NewGuid().ToString("N")[..8];
        var app = StandaloneHost.Create([.. Arguments(storage, prefix, feedUrl, n, triggers: false)], services => services.AddSingleton<HttpPipelinePolicy>(counter));
        await app.StartAsync();
        var clients = app.Services.GetRequiredService<Storage.StorageClients>();
        counter.QueueAuthority = clients.Queues.Uri.Authority;
        var timer = app.Services.GetRequiredService<PollChannelsFunction>();
        var listener = app.Services.GetQueueListener(FunctionNames.PollChannel);

        // Tables and queues are created once per process; do it before counting.
        await app.Services.GetRequiredService<Storage.Queues.StoragePollQueue>().GetQueueAsync(CancellationToken.None);
        await app.Services.GetRequiredService<Storage.Queues.StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
        await app.Services.GetRequiredService<IChannelStateStore>().GetAllAsync(CancellationToken.None);
        await app.Services.GetRequiredService<ISnapshotStore>().GetAllAsync(CancellationToken.None);
        await app.Services.GetRequiredService<IPersonalDataStore>().GetLastSweepsAsync(CancellationToken.None);

        if (steadyOnly)
        {
            // The state a first cycle leaves: a cursor (a bare instant, which the loopback feed answers with nothing new).
            var states = app.Services.GetRequiredService<IChannelStateStore>();
            var polled = DateTimeOffset.UtcNow.AddMinutes(-5);
            await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                await states.RecordPollSuccessAsync("ch" + i.ToString("D5", CultureInfo.InvariantCulture), polled.ToString("O", CultureInfo.InvariantCulture), polled, ct);
            });
        }

        foreach (var cycle in steadyOnly ? ["steady (nothing new; states seeded)"] : new[] { "first (all new)", "steady (nothing new)" })
        {
            counter.Reset();
            var clock = Stopwatch.StartNew();
            var plan = await timer.RunAsync(CancellationToken.None);
            var (timerTables, timerQueues) = (counter.Tables, counter.Queues);
            if (counter.Trace)
            {
                Console.Error.WriteLine($"{n} channels, {cycle}: the timer's storage requests by kind");
                Console.Error.WriteLine(counter.TakeBreakdown());
            }
            while (await listener.RunOnceAsync(CancellationToken.None) > 0)
            {
            }

            var analysisQueue = await app.Services.GetRequiredService<Storage.Queues.StorageAnalysisQueue>().GetQueueAsync(CancellationToken.None);
            var queued = (await analysisQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            await analysisQueue.ClearMessagesAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var (tables, queues) = (counter.Tables - timerTables, counter.Queues - timerQueues - 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {cycle} | {timerTables} | {timerQueues} | {tables} | {(double)tables / n:F2} | {queues} | {(double)queues / n:F2} | {plan.Messages} | {queued} | {seconds:F2} |"));
            if (counter.Trace)
            {
                Console.Error.WriteLine($"{n} channels, {cycle}: the polls' storage requests by kind");
                Console.Error.WriteLine(counter.TakeBreakdown());
            }

            await Task.Delay(50);
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <returns>Seconds from the timer to the last channel polled, in the first and a steady cycle, and from that to the last analysis.</returns>
    private static async Task<(double First, double Lag, double Steady)> ScaleAsync(string storage, string feedUrl, int n, int instances)
    {
        var prefix = "fan" + Guid.NewGuid().ToString("N")[..8];
        var apps = new List<WebApplication>();
        for (var i = 0; i < instances; i++)
        {
            var app = StandaloneHost.Create([.. Arguments(storage, prefix, feedUrl, n, triggers: true)]);
            await app.StartAsync();
            apps.Add(app);
        }

        var states = apps[0].Services.GetRequiredService<IChannelStateStore>();
        var snapshots = apps[0].Services.GetRequiredService<ISnapshotStore>();
        var timer = apps[0].Services.GetRequiredService<PollChannelsFunction>();
        async Task<double> PollAsync()
        {
            var clock = Stopwatch.StartNew();
            var plan = await timer.RunAsync(CancellationToken.None);
            while ((await states.GetAllAsync(CancellationToken.None)).Count(s => s.LastPolledAt > plan.ScheduledAt && s.ClaimedBy is null) < n)
            {
                await Task.Delay(50);
            }

            return clock.Elapsed.TotalSeconds;
        }

        var first = await PollAsync();
        var lagClock = Stopwatch.StartNew();
        while ((await snapshots.GetAllAsync(CancellationToken.None)).Count < n)
        {
            await Task.Delay(50);
        }

        var lag = lagClock.Elapsed.TotalSeconds;
        var steady = await PollAsync();
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return (first, lag, steady);
    }
}
