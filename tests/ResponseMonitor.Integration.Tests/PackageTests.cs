using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The deploy package as azd and zip deploy ship it: plain `dotnet publish` output of the isolated-worker app, with
/// the files the Functions host reads beside ResponseMonitor.dll; and the same program started from that folder
/// standalone, or refusing a bad setting in one line. ./test.sh builds the package (scripts/package.sh) and passes its
/// folder in RESPONSEMONITOR_PACKAGE.
/// </summary>
public sealed class PackageTests
{
    private static readonly Lazy<string> Package = new(() =>
    {
        if (System.Environment.GetEnvironmentVariable("RESPONSEMONITOR_PACKAGE") is { Length: > 0 } built)
        {
            return Path.GetFullPath(built, Repo.Root);
        }

        var folder = Path.Combine(Path.GetTempPath(), "rm-package-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output) = Repo.Run("bash", $"scripts/package.sh {folder}", timeout: TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, output);
        return folder;
    });

    [Fact]
    public void The_package_has_what_the_functions_host_loads_for_an_isolated_worker()
    {
        var package = Package.Value;
        foreach (var file in new[] { "ResponseMonitor.dll", "host.json", "functions.metadata", "worker.config.json", "extensions.json" })
        {
            Assert.True(File.Exists(Path.Combine(package, file)), $"{file} is missing from the package.");
        }

        Assert.True(Directory.Exists(Path.Combine(package, ".azurefunctions")));
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "host.json")))!.AsObject();
        Assert.False(host.ContainsKey("customHandler"));
        var functions = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "functions.metadata")))!.AsArray();
        // Besides one HTTP function per route: PollChannels (timer), PollChannel, AnalyzeChannel and RunImport (queues).
        Assert.Equal(ApiRoutes.All.Count + 4, functions.Count);

        // Framework-dependent (Flex Consumption brings .NET); development files and demo seeds stay home.
        Assert.False(File.Exists(Path.Combine(package, "libcoreclr.so")));
        Assert.False(File.Exists(Path.Combine(package, "appsettings.Development.json")));
        Assert.False(Directory.Exists(Path.Combine(package, "seeds")));
        Assert.False(Directory.Exists(Path.Combine(package, "PollChannels")));
    }

    [Fact]
    public async Task The_package_runs_standalone_from_its_folder_polls_analyses_and_serves()
    {
        var port = AzuriteEnvironment.FreePort();
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", at), Feed.Comment("c1", "p1", "u1", at.AddMinutes(1))]));
        using var process = Start(Environment(port, feed.Url("/feed")));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add("x-api-key", TestApp.ApiKey);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(process.Process.HasExited, "The program exited: " + process.Output);
                Assert.True(DateTime.UtcNow < deadline, "The demo channel was not analysed within 60 s: " + process.Output);
                try
                {
                    var health = JsonNode.Parse(await http.GetStringAsync("/api/health"))!;
                    Assert.Equal("Standalone", health["mode"]!.GetValue<string>());
                    var dashboard = JsonNode.Parse(await http.GetStringAsync("/api/dashboard"))!;
                    if (dashboard["channels"]![0]!["openCount"]!.GetValue<int>() == 1)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }
        }
        finally
        {
            process.Process.Kill(entireProcessTree: true);
            await process.Process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("Api__Key", "short", "Api:Key must be at least 16 characters.")]
    [InlineData("Monitor__Channels__0__FeedUrl", "not a url", "needs an absolute FeedUrl")]
    [InlineData("Analysis__Window", "soon", "Analysis:Window")]
    public async Task A_bad_setting_ends_the_program_with_exit_code_1_and_one_line(string key, string value, string expected)
    {
        var environment = Environment(AzuriteEnvironment.FreePort(), new Uri("http://127.0.0.1:1/feed"));
        environment[key] = value;
        using var process = Start(environment);

        Assert.True(process.Process.WaitForExit(TimeSpan.FromSeconds(60)), "Still running: " + process.Output);
        await process.Process.WaitForExitAsync();

        Assert.Equal(StartupGuard.ConfigurationError, process.Process.ExitCode);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, process.Output);
        Assert.StartsWith("ResponseMonitor cannot start: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(int port, Uri feed)
    {
        var prefix = TestApp.NewPrefix();
        return new Dictionary<string, string?>
        {
            ["Hosting__Urls"] = $"http://127.0.0.1:{port}",
            ["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString,
            ["Api__Key"] = TestApp.ApiKey,
            ["Storage__Prefix"] = prefix,
            ["Storage__AnalysisQueueName"] = "q-" + prefix,
            ["Storage__PollQueueName"] = "p-" + prefix,
            ["Monitor__Channels__0__Id"] = "ch",
            ["Monitor__Channels__0__FeedUrl"] = feed.ToString(),
            ["Monitor__Channels__0__BrandAuthorIds__0"] = "brand",
            ["Telemetry__ConsoleMetrics"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
    }

    private static RunningProgram Start(Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", "ResponseMonitor.dll")
        {
            WorkingDirectory = Package.Value,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new RunningProgram(Process.Start(start)!);
    }

    /// <summary>A started program whose output is captured under a lock (its reader threads write while the test reads).</summary>
    private sealed class RunningProgram : IDisposable
    {
        private readonly StringBuilder _output = new();

        public RunningProgram(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Dispose() => Process.Dispose();

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
