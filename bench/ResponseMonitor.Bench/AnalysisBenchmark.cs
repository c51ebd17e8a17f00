using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// The cost of one channel analysis by size (docs/PERFORMANCE.md, "Analysis cost"): CPU time, bytes allocated and the
/// process's peak working set, for a window with N open comments and for 30 days of N items, most of them answered.
/// Two measurements per case: the analysis's own work in process (the response clock, critic verdicts, warnings'
/// inputs: <see cref="ConversationAnalyzer"/>), and, up to <c>--storage-limit</c> items, the whole
/// <see cref="ChannelAnalysisService.AnalyzeAsync"/> against Azurite beside its baseline, reading the same window alone.
/// Azurite slows as one partition grows (shared/notes/azurite-scaling.md), so the largest cases are measured in
/// process only.
/// </summary>
internal static class AnalysisBenchmark
{
    public static async Task<int> RunAsync(string storage, int storageLimit)
    {
        var cases = new (string Name, int Open, int Window)[]
        {
            ("open", 10, 0), ("open", 1_000, 0), ("open", 100_000, 0),
            ("window", 0, 10_000), ("window", 0, 100_000),
        };
        Console.WriteLine("| case | items | analysis CPU (ms) | allocated (MB) | peak working set (MB) | per item CPU (µs) | read alone (ms) | whole analysis on Azurite (ms) | analysis / read |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var critics = new LexiconCriticClassifier();
        var analyzer = new ConversationAnalyzer();
        foreach (var (name, open, window) in cases)
        {
            var now = DateTimeOffset.UtcNow;
            var channel = new ChannelDefinition { Id = "ch", Name = "ch", Kind = ChannelKinds.GenericFeed, BrandAuthorIds = new HashSet<string>(StringComparer.Ordinal) { "brand" } };
            var items = Resolve(channel, name == "open" ? Open(open, now) : Window(window, now));

            // Warm-up on a small slice, then the measured run.
            analyzer.Analyze(channel, items.Take(200), now, now.AddDays(-30), critics);
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var analysis = analyzer.Analyze(channel, items, now, now.AddDays(-30), critics);
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var mb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
            Process.GetCurrentProcess().Refresh();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            GC.KeepAlive(analysis);

            var (read, whole) = items.Count <= storageLimit ? await OnStorageAsync(storage, items) : (double.NaN, double.NaN);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} {(name == "open" ? open : window):N0} | {items.Count:N0} | {cpuMs:F0} | {mb:F1} | {peak:F0} | {cpuMs * 1000 / items.Count:F1} | {Cell(read)} | {Cell(whole)} | {(double.IsNaN(read) ? "–" : (whole / read).ToString("F2", CultureInfo.InvariantCulture))} |"));
        }

        return 0;
    }

    private static string Cell(double value) => double.IsNaN(value) ? "– (not loaded)" : value.ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Median of 3: the window read alone, then the whole analysis (the open set written the first time, compared after).</summary>
    private static async Task<(double Read, double Whole)> OnStorageAsync(string storage, List<ContentItem> items)
    {
        var prefix = "an" + Guid.NewGuid().ToString("N")[..8];
        var app = StandaloneHost.Create(
        [
            "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
            "--Monitor:Channels:0:Id=ch", "--Monitor:Channels:0:FeedUrl=http://127.0.0.1:1/feed", "--Monitor:Channels:0:BrandAuthorIds:0=brand",
        ]);
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<IItemStore>();
            foreach (var chunk in items.Chunk(1000))
            {
                await store.UpsertAsync("ch", chunk, CancellationToken.None);
            }

            var service = app.Services.GetRequiredService<ChannelAnalysisService>();
            await service.AnalyzeAsync("ch", CancellationToken.None);
            var reads = new List<double>();
            var wholes = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var start = Stopwatch.GetTimestamp();
                await store.GetCreatedSinceAsync("ch", DateTimeOffset.UtcNow.AddDays(-30), CancellationToken.None);
                reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                await service.AnalyzeAsync("ch", CancellationToken.None);
                wholes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return (Statistics.Median(reads), Statistics.Median(wholes));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A brand post two days ago and N comments under it, none answered: all open, a quarter critical.</summary>
    private static List<ContentItem> Open(int n, DateTimeOffset now) =>
        OpenUnderOnePost(n, now, i => i % 4 == 0 ? "Still waiting for my refund, worst service ever!" : "When does the shop open on Sunday?");

    /// <summary>A brand post <c>p</c> two days ago and N comments under it spread over 40 hours, none answered.</summary>
    internal static List<ContentItem> OpenUnderOnePost(int n, DateTimeOffset now, Func<int, string> text, string threadId = "")
    {
        var items = new List<ContentItem> { new() { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = now.AddDays(-2), Text = "New season", ThreadId = threadId } };
        items.AddRange(Enumerable.Range(0, n).Select(i => new ContentItem
        {
            Id = $"o{i}",
            ParentId = "p",
            Kind = ItemKind.Comment,
            AuthorId = $"u{i}",
            CreatedAt = now.AddDays(-2).AddSeconds(1 + (i * (40.0 * 3600 / n))),
            Text = text(i),
            ThreadId = threadId,
        }));
        return items;
    }

    /// <summary>30 days of threads: a question, answered by the brand within hours for 85 % of them.</summary>
    private static List<ContentItem> Window(int n, DateTimeOffset now)
    {
        var random = new Random(42);
        var items = new List<ContentItem> { new() { Id = "p", Kind = ItemKind.Post, AuthorId = "brand", CreatedAt = now.AddDays(-29.9), Text = "Our news" } };
        for (var t = 0; items.Count < n; t++)
        {
            var at = now.AddDays(-29.8).AddMinutes(random.Next(0, 29 * 24 * 60));
            items.Add(new() { Id = $"c{t}", ParentId = "p", Kind = ItemKind.Comment, AuthorId = $"u{t}", CreatedAt = at, Text = t % 5 == 0 ? "This is the third time my order is late, unacceptable." : "Where is my order?" });
            if (random.NextDouble() < 0.85 && items.Count < n)
            {
                var answered = at.AddMinutes(random.Next(5, 36 * 60));
                if (answered < now)
                {
                    items.Add(new() { Id = $"r{t}", ParentId = $"c{t}", Kind = ItemKind.Comment, AuthorId = "brand", CreatedAt = answered, Text = "Sorry, it ships today" });
                }
            }
        }

        return items;
    }

    private static List<ContentItem> Resolve(ChannelDefinition channel, List<ContentItem> items)
    {
        var resolved = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items.OrderBy(i => i.CreatedAt))
        {
            var parent = item.ParentId is null ? null : resolved.GetValueOrDefault(item.ParentId);
            resolved[item.Id] = item with { ThreadId = ThreadResolver.Resolve(item, parent, channel) };
        }

        return [.. resolved.Values];
    }
}
