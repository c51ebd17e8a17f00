using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ResponseMonitor.Bench;

/// <summary>
/// Issue 27, defect 9: does the standalone host's background work keep its schedule under any read load? The app runs
/// in its own process (as a user runs it) with its timer every 5 s over N quiet loopback channels, and its poll and
/// analysis listeners. For each mode, one process: its poll cycles are read from its log (UTC timestamps): a cycle's
/// <b>start delay</b> is "Poll cycle starting" against its 5-second tick, its <b>duration</b> runs from there to the
/// last of the cycle's poll messages done ("Poll batch"), and a tick with no start is <b>missed</b>. Modes, in one run:
/// no read load (the baseline); a closed-loop read load (C clients asking <c>/api/dashboard</c> again as soon as they
/// are answered, from this process) with the API's admission limit as shipped (<c>Api:MaxConcurrentRequests</c>, four
/// per core); and the same load with the limit lifted, as before the fix.
/// </summary>
internal static class ScheduleBenchmark
{
    private const string ApiKey = "bench-api-key-0123456789";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string root, string storage, int channels, int clients, int seconds, int rounds)
    {
        await using var feed = await LoopbackFeed.StartAsync(TimeSpan.Zero, answeredComment: true);
        var modes = new (string Name, int Clients, string Limit)[]
        {
            ("no read load (baseline)", 0, "0"),
            ($"closed-loop reads, {clients} clients, admission limit as shipped", clients, "0"),
            ($"closed-loop reads, {clients} clients, no admission limit (before the fix)", clients, "100000"),
        };
        var results = modes.ToDictionary(m => m.Name, _ => new List<Result>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var mode in modes)
            {
                var result = await MeasureAsync(root, storage, feed.Url, channels, mode.Clients, mode.Limit, TimeSpan.FromSeconds(seconds));
                results[mode.Name].Add(result);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mode.Name}: {result.Cycles.Count} cycles, {result.Missed} missed, delay median {Statistics.Median(result.Delays()):F3} s, duration median {Statistics.Median(result.Durations()):F3} s, {result.Requests / result.Seconds:F0} req/s, load {File.ReadAllText("/proc/loadavg")[..14]}"));
            }
        }

        var baseline = results[modes[0].Name];
        var baseDelay = Statistics.Median(baseline.SelectMany(r => r.Delays()).ToList());
        var baseDuration = Statistics.Median(baseline.SelectMany(r => r.Durations()).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{channels} quiet channels, timer every {Tick.TotalSeconds} s, {rounds} round(s) of {seconds} s per mode, {Environment.ProcessorCount} cores, load average at the end {File.ReadAllText("/proc/loadavg")[..14]}"));
        Console.WriteLine("| mode | reads/s | errors | read p50 / p99 (ms) | cycles started / ticks | start delay p50 / max (s) | ratio p50 | cycle duration p50 / max (s) | ratio p50 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var mode in modes)
        {
            var r = results[mode.Name];
            var delays = r.SelectMany(x => x.Delays()).ToList();
            var durations = r.SelectMany(x => x.Durations()).ToList();
            var latencies = r.SelectMany(x => x.Latencies).ToList();
            var reads = r.Sum(x => x.Requests) / r.Sum(x => x.Seconds);
            var cycles = r.Sum(x => x.Cycles.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode.Name} | {reads:F0} | {r.Sum(x => x.Errors)} | {(latencies.Count > 0 ? $"{Statistics.Median(latencies):F1} / {Statistics.Quantile(latencies, 0.99):F1}" : "-")} | {cycles} / {cycles + r.Sum(x => x.Missed)} | {Statistics.Median(delays):F3} / {delays.Max():F3} | {Statistics.Median(delays) / baseDelay:F2} | {Statistics.Median(durations):F3} / {durations.Max():F3} | {Statistics.Median(durations) / baseDuration:F2} |"));
        }

        return 0;
    }

    private static async Task<Result> MeasureAsync(string root, string storage, string feedUrl, int channels, int clients, string limit, TimeSpan duration)
    {
        var prefix = "sch" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Storage__Prefix"] = prefix,
            ["Storage__AnalysisQueueName"] = "q-" + prefix,
            ["Storage__PollQueueName"] = "p-" + prefix,
            ["Api__Key"] = ApiKey,
            ["Api__MaxConcurrentRequests"] = limit,
            ["PollSchedule"] = "*/5 * * * * *",
            ["extensions__queues__maxPollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ResponseMonitor.App.Functions"] = "Information",
            ["Logging__LogLevel__ResponseMonitor.Domain.Polling.PollPlanner"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Telemetry__ConsoleMetrics"] = "false",
        };
        for (var c = 0; c < channels; c++)
        {
            var p = $"Monitor__Channels__{c}__";
            environment[p + "Id"] = $"ch{c:D4}";
            environment[p + "FeedUrl"] = $"{feedUrl}/feed/ch{c:D4}";
            environment[p + "BrandAuthorIds__0"] = "brand";
        }

        var log = Path.Combine(Path.GetTempPath(), $"schedule-{prefix}.log");
        var dll = Path.Combine(root, "src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll");
        await using var app = new Stress.AppProcess(dll, environment, log);
        try
        {
            app.Start();
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(90));

            // The first cycles store every channel's history and analyse it; measure quiet cycles only.
            await Task.Delay(TimeSpan.FromSeconds(12));
            var from = DateTime.UtcNow;
            var (requests, errors, latencies) = clients > 0 ? await ReadLoadAsync(app.BaseAddress, clients, duration) : await IdleAsync(duration);
            var to = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(3));
            var (cycles, missed) = Cycles(log, from, to);
            return new Result(cycles, missed, requests, errors, (to - from).TotalSeconds, latencies);
        }
        finally
        {
            await app.KillAsync();
            File.Delete(log);
        }
    }

    private static async Task<(long, long, List<double>)> IdleAsync(TimeSpan duration)
    {
        await Task.Delay(duration);
        return (0, 0, []);
    }

    private static async Task<(long Requests, long Errors, List<double> Latencies)> ReadLoadAsync(Uri app, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.GZip };
        using var http = new HttpClient(handler) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        long errors = 0;
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync("/api/dashboard", HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, errors, all);
    }

    /// <summary>The poll cycles that started between two instants, and the ticks in between with no cycle.</summary>
    private static (List<Cycle> Cycles, int Missed) Cycles(string log, DateTime from, DateTime to)
    {
        var cycles = new List<Cycle>();
        Cycle? open = null;
        var batchesLeft = 0;
        foreach (var line in File.ReadLines(log))
        {
            if (line.Length < 13 || !TimeSpan.TryParseExact(line[..12], @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture, out var clock))
            {
                continue;
            }

            var at = from.Date + clock;
            if (at < from.AddHours(-12))
            {
                at = at.AddDays(1);
            }

            if (line.Contains("Poll cycle starting", StringComparison.Ordinal))
            {
                // Ticks fall on multiples of 5 s: the delay is the time past the last one.
                var tick = new DateTime(at.Ticks - (at.Ticks % Tick.Ticks), DateTimeKind.Utc);
                open = tick > from && tick <= to ? new Cycle(tick, at) : null;
                batchesLeft = 0;
                if (open is not null)
                {
                    cycles.Add(open);
                }
            }
            else if (open is not null && line.Contains("Poll cycle scheduled:", StringComparison.Ordinal))
            {
                var messages = line[(line.IndexOf(" channels in ", StringComparison.Ordinal) + 13)..];
                batchesLeft = int.Parse(messages[..messages.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                open.End = at;
            }
            else if (open is not null && batchesLeft > 0 && line.Contains("Poll batch:", StringComparison.Ordinal))
            {
                open.End = at;
                batchesLeft--;
            }
        }

        // The ticks inside the window; a cycle that started more than a tick late counts for the next one, and its own
        // tick as missed.
        var ticks = 0;
        for (var t = new DateTime(from.Ticks - (from.Ticks % Tick.Ticks), DateTimeKind.Utc) + Tick; t <= to; t += Tick)
        {
            ticks++;
        }

        return (cycles, Math.Max(0, ticks - cycles.Count));
    }

    private sealed class Cycle(DateTime tick, DateTime started)
    {
        public DateTime Tick { get; } = tick;

        public DateTime Started { get; } = started;

        public DateTime? End { get; set; }
    }

    private sealed record Result(List<Cycle> Cycles, int Missed, long Requests, long Errors, double Seconds, List<double> Latencies)
    {
        public List<double> Delays() => [.. Cycles.Select(c => (c.Started - c.Tick).TotalSeconds)];

        public List<double> Durations() => [.. Cycles.Where(c => c.End is not null).Select(c => (c.End!.Value - c.Started).TotalSeconds)];
    }
}
