using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Bench;

/// <summary>
/// Issue 28: start-up with many channels. Part 1, in process: reading the channels of a configuration (three settings
/// a channel, as command-line arguments, the provider the tests and this bench use) by the binder, as before, and by
/// <see cref="MonitorOptions.Bind"/>, as now, side by side; the binder only up to 2,000 channels (it is quadratic: 40 s
/// at 2,000). Part 2: the standalone app's whole start (<c>StartAsync</c>, options validated, triggers off) with N
/// channels in app settings and in a <c>Monitor:ChannelsFile</c>, against the start with none, sizes interleaved
/// round by round; the figure that carries is the time per channel above that baseline.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string storage, IReadOnlyList<int> sizes, int rounds)
    {
        Console.WriteLine("| channels | binder (s) | reader (s) | reader per channel (µs) | binder ÷ reader |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var configuration = new ConfigurationBuilder().AddCommandLine(ChannelArguments(n).ToArray()).Build();
            var reader = Median(rounds, () => MonitorOptions.Bind(configuration, new MonitorOptions()));
            var binder = n <= 2_000 ? Median(1, () => configuration.GetSection(MonitorOptions.SectionName).Get<MonitorOptions>()) : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n:N0} | {(double.IsNaN(binder) ? "not run" : binder.ToString("F3", CultureInfo.InvariantCulture))} | {reader:F3} | {reader / n * 1e6:F1} | {(double.IsNaN(binder) ? "–" : (binder / reader).ToString("F0", CultureInfo.InvariantCulture))} |"));
        }

        var file = Path.Combine(Path.GetTempPath(), $"bench-channels-{Guid.NewGuid():N}.json");
        var times = new Dictionary<(int, string), List<double>>();
        try
        {
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var n in sizes.Prepend(0))
                {
                    foreach (var source in n == 0 ? ["none"] : new[] { "app settings", "channels file" })
                    {
                        var args = new List<string>(Base(storage));
                        if (source == "channels file")
                        {
                            await WriteFileAsync(file, n);
                            args.Add($"--Monitor:ChannelsFile={file}");
                        }
                        else
                        {
                            args.AddRange(ChannelArguments(n));
                        }

                        var clock = Stopwatch.StartNew();
                        var app = StandaloneHost.Create([.. args]);
                        await app.StartAsync();
                        var seconds = clock.Elapsed.TotalSeconds;
                        await app.StopAsync();
                        await app.DisposeAsync();
                        if (round > 0)
                        {
                            // Round 0 warms the process up and is not counted.
                            (times.TryGetValue((n, source), out var list) ? list : times[(n, source)] = []).Add(seconds);
                        }

                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {n:N0} channels ({source}) started in {seconds:F2} s"));
                    }
                }
            }
        }
        finally
        {
            File.Delete(file);
        }

        var baseline = Statistics.Median(times[(0, "none")]);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"App start-up, median of {rounds}; no channels: {baseline:F2} s"));
        Console.WriteLine("| channels | source | start-up (s) | above no channels (s) | per channel (µs) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var ((n, source), list) in times.Where(t => t.Key.Item1 > 0).OrderBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2, StringComparer.Ordinal))
        {
            var median = Statistics.Median(list);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n:N0} | {source} | {median:F2} | {median - baseline:F2} | {(median - baseline) / n * 1e6:F0} |"));
        }

        return 0;
    }

    private static IEnumerable<string> Base(string storage)
    {
        var prefix = "st" + Guid.NewGuid().ToString("N")[..8];
        return
        [
            "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", $"--Api:Key={BenchApp.Key}", $"--AzureWebJobsStorage={storage}",
            $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
        ];
    }

    /// <summary>The same three settings a channel as <see cref="BenchApp"/> and the dashboard benchmark give.</summary>
    private static IEnumerable<string> ChannelArguments(int n)
    {
        for (var c = 0; c < n; c++)
        {
            yield return $"--Monitor:Channels:{c}:Id=ch{c:D6}";
            yield return $"--Monitor:Channels:{c}:FeedUrl=http://127.0.0.1:1/feed{c}";
            yield return $"--Monitor:Channels:{c}:BrandAuthorIds:0=brand";
        }
    }

    private static async Task WriteFileAsync(string file, int n)
    {
        await using var writer = new StreamWriter(file, append: false, Encoding.UTF8);
        await writer.WriteLineAsync("[");
        for (var c = 0; c < n; c++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {{ \"Id\": \"ch{c:D6}\", \"FeedUrl\": \"http://127.0.0.1:1/feed{c}\", \"BrandAuthorIds\": [\"brand\"] }}{(c < n - 1 ? "," : "")}"));
        }

        await writer.WriteLineAsync("]");
    }

    private static double Median(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return Statistics.Median(times);
    }
}
