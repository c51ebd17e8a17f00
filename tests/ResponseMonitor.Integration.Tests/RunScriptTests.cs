using System.Diagnostics;
using System.Text;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// ./run.sh as a new user runs it: the key checked before any build, a second start with nothing changed skipping the
/// build, and INT or TERM stopping the app and then Azurite, also when it runs in the background of a script.
/// Alone in its collection: run.sh picks its port before a build of minutes, and another test class's app must not take
/// it meanwhile.
/// </summary>
[Collection(RunScriptCollection.Name)]
public sealed class RunScriptTests
{
    private const string Key = "run-script-test-key-0123456789";

    [Fact]
    public void A_short_key_is_refused_before_anything_is_built()
    {
        var (exit, output) = Run(new Dictionary<string, string> { ["Api__Key"] = "short" }, TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Contains("at least 16 characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Building", output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_start_skips_the_build_and_INT_or_TERM_stop_the_app_then_Azurite()
    {
        // The first start builds if anything changed since the last run.sh build; either way it must come up.
        await StartAndStopAsync("INT", TimeSpan.FromMinutes(10));

        var output = await StartAndStopAsync("TERM", TimeSpan.FromMinutes(3));
        Assert.Contains("Nothing changed since the last build", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Building", output, StringComparison.Ordinal);
    }

    /// <summary>Starts ./run.sh as a script's background job would (INT ignored on entry), waits for the API, signals it.</summary>
    private static async Task<string> StartAndStopAsync(string signal, TimeSpan startLimit)
    {
        var port = AzuriteEnvironment.FreePort();
        // "trap '' INT" then "./run.sh &": bash starts a background job of a non-interactive shell with INT ignored.
        var start = Start("/bin/bash", ["-c", "trap '' INT; ./run.sh & echo \"pid $!\"; wait"], new Dictionary<string, string> { ["RESPONSEMONITOR_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Api__Key"] = Key });
        var (process, output) = start;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var until = DateTime.UtcNow + startLimit;
            while (true)
            {
                Assert.False(process.HasExited, "run.sh ended: " + Snapshot(output));
                Assert.True(DateTime.UtcNow < until, "the demo did not answer in time: " + Snapshot(output));
                if (!Snapshot(output).Contains("ResponseMonitor is starting", StringComparison.Ordinal))
                {
                    await Task.Delay(500);
                    continue;
                }

                try
                {
                    using var health = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                Assert.True(DateTime.UtcNow < until, "the demo did not answer in time: " + Snapshot(output));
                await Task.Delay(500);
            }

            var script = int.Parse(Snapshot(output).Split('\n').First(l => l.StartsWith("pid ", StringComparison.Ordinal))[4..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var children = Descendants(script);
            Assert.True(children.Count >= 2, $"app and Azurite not found under run.sh: {string.Join(",", children)}");

            Assert.Equal(0, Repo.Run("kill", $"-{signal} {script}").ExitCode);
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"run.sh did not stop on {signal}: {Snapshot(output)}");
            process.WaitForExit();   // the timed wait does not wait for the redirected output's last lines; this one does
            Assert.Contains("Stopped.", Snapshot(output), StringComparison.Ordinal);
            Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived run.sh"));
            return Snapshot(output);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    /// <summary>Every process under <paramref name="root"/> (the app and Azurite run in their own sessions, but are its children).</summary>
    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 4)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                }
            }
        }

        var found = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    private static (Process Process, StringBuilder Output) Start(string file, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment.Remove("RESPONSEMONITOR_RUN_SIGNALS");
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static (int ExitCode, string Output) Run(Dictionary<string, string> environment, TimeSpan limit)
    {
        var (process, output) = Start(Repo.PathOf("run.sh"), [], environment);
        using (process)
        {
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("run.sh did not finish: " + output);
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }
    }

    // The output handlers append under this lock on another thread; reading without it races a StringBuilder.
    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
