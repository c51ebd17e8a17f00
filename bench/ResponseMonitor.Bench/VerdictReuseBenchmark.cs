using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Models;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// What keeping verdicts with the items saves (issue 23, docs/DETECTION.md's cost table): a 1,000-comment English
/// analysis by the whole <see cref="ChannelAnalysisService"/> on Azurite, with the shipped model, first with every
/// comment new, then by another instance of the app (a new detector whose model remembers nothing, as in a new
/// process) that finds the verdicts stored; and <see cref="MetricsService.ReportAsync"/> over the same window by a new
/// instance, on items without verdicts and with them. CPU time of this process (Azurite runs apart) and wall time; the
/// ONNX session is loaded before the first measurement, as it is once per process in both cases.
/// </summary>
internal static class VerdictReuseBenchmark
{
    private static readonly string[] Texts =
    [
        "Still waiting for my refund for order {0}, three weeks now.",
        "Where can I find the manual for model {0}?",
        "Love the new colours of range {0}, well done!",
        "My parcel {0} was meant to arrive on Monday and nobody can tell me where it is.",
        "Is the store on street {0} open late on Thursdays?",
        "The app crashed again when I paid invoice {0}. Useless.",
        "thanks, ticket {0} sorted",
        "Any update on case {0}? Nobody has answered my email.",
    ];

    public static async Task<int> RunAsync(string storage, int comments)
    {
        if (!MiniLmEncoder.IsAvailable())
        {
            Console.Error.WriteLine($"No MiniLM weights at {MiniLmEncoder.DefaultPath}: build the solution first.");
            return 2;
        }

        // The session loads once per process, whichever case comes first: load it outside the measurements.
        ShippedCriticModels.SharedEncoder.Embed(["warm-up"], CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var items = Comments(comments, now);

        // Two copies of the same items: /api/metrics on items no process judged yet reads one; the analyses the other.
        var fresh = await SeedAsync(storage, items);
        var prefix = await SeedAsync(storage, items);
        var metricsNew = await MeasureAsync(storage, fresh, app => Metrics(app, now));
        var analysisNew = await MeasureAsync(storage, prefix, Analysis);
        var analysisKept = await MeasureAsync(storage, prefix, Analysis);
        var metricsKept = await MeasureAsync(storage, prefix, app => Metrics(app, now));

        Console.WriteLine($"{comments:N0} English comments, all open, one channel; CPU of this process and wall time, each case in a new app instance.");
        Console.WriteLine();
        Console.WriteLine("| case | texts embedded | CPU (ms) | wall (ms) |");
        Console.WriteLine("|---|---|---|---|");
        Row("/api/metrics over the window, items without verdicts", metricsNew);
        Row($"analysis, every comment new (judged, verdicts stored)", analysisNew);
        Row($"analysis by another instance, verdicts stored", analysisKept);
        Row("/api/metrics over the window, verdicts stored", metricsKept);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analysis with stored verdicts / every comment new: CPU {analysisKept.Cpu / analysisNew.Cpu:F3}, wall {analysisKept.Wall / analysisNew.Wall:F3}; /api/metrics: CPU {metricsKept.Cpu / metricsNew.Cpu:F3}, wall {metricsKept.Wall / metricsNew.Wall:F3}"));
        return 0;
    }

    private static async Task<string> SeedAsync(string storage, List<ContentItem> items)
    {
        var prefix = "vr" + Guid.NewGuid().ToString("N")[..8];
        await using var seeding = await StartAsync(storage, prefix);
        await seeding.Services.GetRequiredService<IItemStore>().UpsertAsync("ch", items, CancellationToken.None);
        return prefix;
    }

    private static void Row(string name, (long Embedded, double Cpu, double Wall) m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Embedded:N0} | {m.Cpu:F0} | {m.Wall:F0} |"));

    private static Task Analysis(WebApplication app) =>
        app.Services.GetRequiredService<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);

    private static Task Metrics(WebApplication app, DateTimeOffset now) =>
        app.Services.GetRequiredService<MetricsService>().ReportAsync([.. app.Services.GetRequiredService<IChannelCatalog>().All], now.AddDays(-7), now.AddMinutes(1), CancellationToken.None);

    private static async Task<(long Embedded, double Cpu, double Wall)> MeasureAsync(string storage, string prefix, Func<WebApplication, Task> run)
    {
        await using var app = await StartAsync(storage, prefix);
        var model = app.Services.GetRequiredService<BuiltInCriticClassifier>().Models.OfType<EmbeddingCriticModel>().Single();
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await run(app);
        var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (model.TextsEmbedded, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, wall);
    }

    private static async Task<WebApplication> StartAsync(string storage, string prefix)
    {
        var app = StandaloneHost.Create(
        [
            "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
            "--Monitor:Channels:0:Id=ch", "--Monitor:Channels:0:FeedUrl=http://127.0.0.1:1/feed", "--Monitor:Channels:0:BrandAuthorIds:0=brand",
            "--Monitor:Channels:0:Language=en",
        ]);
        await app.StartAsync();
        return app;
    }

    /// <summary>A brand post two days ago and N distinct comments under it, none answered.</summary>
    private static List<ContentItem> Comments(int n, DateTimeOffset now) =>
        AnalysisBenchmark.OpenUnderOnePost(n, now, i => string.Format(CultureInfo.InvariantCulture, Texts[i % Texts.Length], 1000 + i), threadId: "p");
}
