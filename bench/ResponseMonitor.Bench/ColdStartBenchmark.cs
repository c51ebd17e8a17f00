using System.Diagnostics;
using System.Globalization;

namespace ResponseMonitor.Bench;

/// <summary>
/// Cold start of the published package: from process start to the first answered request (GET /api/health, then the
/// first GET /api/dashboard, which reads storage), per publish mode, started standalone from the package folder (the
/// Functions host cannot run here). Modes run round-robin so machine noise hits them alike; results are reported as
/// ratios to the plain (JIT) package in the same run.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<int> RunAsync(string root, string storage, int runs)
    {
        var modes = new List<(string Name, string File, string Args, string Dir)>();
        foreach (var mode in new[] { "Jit", "ReadyToRun" })
        {
            var dir = Path.Combine(root, ".artifacts/bench/package-" + mode.ToLowerInvariant());
            Console.Error.WriteLine($"Packaging {mode} into {dir} ...");
            using var package = Process.Start(new ProcessStartInfo("bash", $"scripts/package.sh {dir} {mode}") { WorkingDirectory = root })!;
            await package.WaitForExitAsync();
            if (package.ExitCode != 0)
            {
                return package.ExitCode;
            }

            modes.Add((mode == "Jit" ? "dotnet publish, JIT (baseline)" : "dotnet publish -r linux-x64, ReadyToRun", "dotnet", "ResponseMonitor.dll", dir));
        }

        var health = modes.ToDictionary(m => m.Name, _ => new List<double>());
        var firstInvocation = modes.ToDictionary(m => m.Name, _ => new List<double>());
        for (var run = 0; run < runs + 1; run++)
        {
            foreach (var mode in modes)
            {
                var (h, i) = await MeasureAsync(mode.File, mode.Args, mode.Dir, storage);
                if (run > 0)
                {
                    // Run 0 warms the disk cache for every mode alike and is not counted.
                    health[mode.Name].Add(h);
                    firstInvocation[mode.Name].Add(i);
                }
            }
        }

        var baseline = modes[0].Name;
        Console.WriteLine($"Cold start, {runs} runs per mode (median ms, p90 ms, ratio of medians to baseline)");
        Console.WriteLine("| mode | first /api/health | ratio | first /api/dashboard | ratio |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var mode in modes)
        {
            var hm = Statistics.Median(health[mode.Name]);
            var im = Statistics.Median(firstInvocation[mode.Name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode.Name} | {hm:F0} (p90 {Statistics.Quantile(health[mode.Name], 0.9):F0}) | {hm / Statistics.Median(health[baseline]):F2} | {im:F0} (p90 {Statistics.Quantile(firstInvocation[mode.Name], 0.9):F0}) | {im / Statistics.Median(firstInvocation[baseline]):F2} |"));
        }

        return 0;
    }

    private static async Task<(double Health, double Invocation)> MeasureAsync(string file, string args, string dir, string storage)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(file, args, dir, storage);
        using var dashboard = await app.Http.GetAsync("/api/dashboard");
        dashboard.EnsureSuccessStatusCode();
        return (app.HealthAfter.TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
    }
}
