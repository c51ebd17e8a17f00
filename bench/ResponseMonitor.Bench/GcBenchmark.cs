using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ResponseMonitor.Bench;

/// <summary>
/// Server GC against workstation (concurrent) GC for the app itself: the built program started standalone as its own
/// process, once per mode and round-robin, with <c>DOTNET_gcServer</c> choosing the mode (it overrides the csproj's
/// setting). Each run imports a JSONL history through the API and then serves dashboard and metric reads from four clients; the
/// figures are the process's resident memory when idle and at its peak (VmRSS, VmHWM from /proc), and the workload's
/// time, reported as ratios to workstation GC in the same run.
/// </summary>
internal static class GcBenchmark
{
    public static async Task<int> RunAsync(string root, string storage, int rows, int runs)
    {
        var program = Path.Combine(root, "src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll");
        var body = Export(rows);
        var modes = new[] { ("workstation, concurrent (baseline)", "0"), ("server (.NET 10 default: DATAS)", "1") };
        var results = modes.ToDictionary(m => m.Item1, _ => new List<(double Idle, double Peak, double Seconds)>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var (name, server) in modes)
            {
                var measured = await MeasureAsync(program, server, storage, body);
                results[name].Add(measured);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: idle {measured.Idle:F0} MB, peak {measured.Peak:F0} MB, {measured.Seconds:F1} s"));
            }
        }

        var baseline = results[modes[0].Item1];
        double Median(IEnumerable<double> values) => Statistics.Median(values.ToList());
        Console.WriteLine($"GC mode, {runs} runs per mode, {rows:N0} imported rows then 400 reads (dashboard, every tenth metrics) by 4 clients, {Environment.ProcessorCount} cores (medians)");
        Console.WriteLine("| GC | idle RSS MB | ratio | peak RSS MB | ratio | workload s | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, _) in modes)
        {
            var r = results[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(r.Select(x => x.Idle)):F0} | {Median(r.Select(x => x.Idle)) / Median(baseline.Select(x => x.Idle)):F2} | {Median(r.Select(x => x.Peak)):F0} | {Median(r.Select(x => x.Peak)) / Median(baseline.Select(x => x.Peak)):F2} | {Median(r.Select(x => x.Seconds)):F1} | {Median(r.Select(x => x.Seconds)) / Median(baseline.Select(x => x.Seconds)):F2} |"));
        }

        return 0;
    }

    private static string Export(int rows)
    {
        var lines = new StringBuilder();
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        lines.Append(new JsonObject { ["id"] = "p", ["authorId"] = "brand", ["createdAt"] = start.ToString("O"), ["text"] = "New collection" }.ToJsonString()).Append('\n');
        for (var i = 1; i < rows; i++)
        {
            var brand = i % 2 == 0;
            lines.Append(new JsonObject
            {
                ["id"] = $"c{i}",
                ["parentId"] = brand ? $"c{i - 1}" : "p",
                ["authorId"] = brand ? "brand" : $"u{i % 97}",
                ["createdAt"] = start.AddSeconds(20 * i).ToString("O"),
                ["text"] = brand ? "On its way, sorry for the wait" : $"Where is my order {i}? Still nothing after two weeks.",
            }.ToJsonString()).Append('\n');
        }

        return lines.ToString();
    }

    private static async Task<(double Idle, double Peak, double Seconds)> MeasureAsync(string program, string server, string storage, string body)
    {
        await using var app = await AppProcess.StartAsync("dotnet", program, Path.GetDirectoryName(program)!, storage, new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = server,
            ["Api__ReadCacheSeconds"] = "0",
            ["Monitor__Channels__0__Id"] = "bench",
            ["Monitor__Channels__0__Name"] = "Bench",
            ["Monitor__Channels__0__Kind"] = "generic-feed",
            ["Monitor__Channels__0__FeedUrl"] = "http://127.0.0.1:1/feed",
            ["Monitor__Channels__0__BrandAuthorIds__0"] = "brand",
        });
        var http = app.Http;
        using (var first = await http.GetAsync("/api/dashboard"))
        {
            first.EnsureSuccessStatusCode();
        }

        await Task.Delay(2000);
        var idle = Megabytes(app.Process.Id, "VmRSS");
        var workload = Stopwatch.StartNew();
        using (var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson"))
        using (var import = await http.PostAsync("/api/import/bench", content))
        {
            import.EnsureSuccessStatusCode();
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 100; i++)
            {
                using var read = await http.GetAsync(i % 10 == 0 ? "/api/metrics?channel=bench" : "/api/dashboard");
                read.EnsureSuccessStatusCode();
            }
        }));
        var seconds = workload.Elapsed.TotalSeconds;
        return (idle, Megabytes(app.Process.Id, "VmHWM"), seconds);
    }

    private static double Megabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
