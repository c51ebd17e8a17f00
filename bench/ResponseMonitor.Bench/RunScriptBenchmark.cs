using System.Diagnostics;
using System.Globalization;

namespace ResponseMonitor.Bench;

/// <summary>
/// ./run.sh from start to the first answer (GET /api/health), after a source change (it builds) and again with
/// nothing changed (it skips the build), alternated for <c>runs</c> pairs. Reported as the unchanged start's ratio to
/// the changed one in the same run, with the medians beside (docs/PERFORMANCE.md, "./run.sh").
/// </summary>
internal static class RunScriptBenchmark
{
    public static async Task<int> RunAsync(string root, int runs)
    {
        var changed = new List<double>();
        var unchanged = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // A source file newer than the last build's stamp: what a pull or an edit does.
            File.SetLastWriteTimeUtc(Path.Combine(root, "src", "ResponseMonitor.App", "Program.cs"), DateTime.UtcNow);
            changed.Add(await MeasureAsync(root));
            unchanged.Add(await MeasureAsync(root));
            Console.Error.WriteLine($"run {run + 1}: after a change {changed[^1]:F1} s, nothing changed {unchanged[^1]:F1} s");
        }

        var (a, b) = (Statistics.Median(changed), Statistics.Median(unchanged));
        Console.WriteLine("| ./run.sh start to first answer | median s | ratio |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| after a source change (builds, baseline) | {a:F1} | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| nothing changed (build skipped) | {b:F1} | {b / a:F2} |"));
        return 0;
    }

    private static async Task<double> MeasureAsync(string root)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("./run.sh") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["RESPONSEMONITOR_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Api__Key"] = "bench-run-script-key-0123456789";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("run.sh ended before it answered.");
                }

                try
                {
                    using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
                    if (health.IsSuccessStatusCode)
                    {
                        return clock.Elapsed.TotalSeconds;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(200);
            }
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
