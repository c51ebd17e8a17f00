using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The deploy package as the Functions host meets it: host.json, one folder per function, and the executable host.json
/// names, started from the package folder with FUNCTIONS_CUSTOMHANDLER_PORT, answering invocations and forwarded HTTP.
/// ./test.sh builds the package (scripts/package.sh) and passes its folder in RESPONSEMONITOR_PACKAGE.
/// </summary>
public sealed class PackageTests
{
    private static readonly Lazy<string> Package = new(() =>
    {
        if (Environment.GetEnvironmentVariable("RESPONSEMONITOR_PACKAGE") is { Length: > 0 } built)
        {
            return Path.GetFullPath(built, Repo.Root);
        }

        var folder = Path.Combine(Path.GetTempPath(), "rm-package-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output) = Repo.Run("bash", $"scripts/package.sh {folder}", timeout: TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, output);
        return folder;
    });

    [Fact]
    public void The_package_has_the_layout_the_functions_host_expects()
    {
        var package = Package.Value;
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package, "host.json")))!;
        var executable = host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();
        var path = Path.Combine(package, executable);
        Assert.True(File.Exists(path), $"{executable} is missing from the package.");
        if (OperatingSystem.IsLinux())
        {
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{executable} is not executable.");
        }
        foreach (var function in new[] { "PollChannels", "AnalyzeChannel", "Api", "Webhooks", "Health" })
        {
            Assert.Equal(File.ReadAllText(Repo.PathOf(function, "function.json")), File.ReadAllText(Path.Combine(package, function, "function.json")));
        }

        // Self-contained: the runtime travels with the app; development files and demo seeds do not.
        Assert.True(File.Exists(Path.Combine(package, "libcoreclr.so")));
        Assert.False(File.Exists(Path.Combine(package, "appsettings.Development.json")));
        Assert.False(Directory.Exists(Path.Combine(package, "seeds")));
    }

    [Fact]
    public async Task The_executable_starts_from_the_package_folder_and_answers_the_host()
    {
        var package = Package.Value;
        var port = AzuriteEnvironment.FreePort();
        await using var feed = await LoopbackServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page([Feed.Post("p1", "brand", at), Feed.Comment("c1", "p1", "u1", at.AddMinutes(1))]));
        var prefix = TestApp.NewPrefix();
        var start = new ProcessStartInfo(Path.Combine(package, "ResponseMonitor"))
        {
            WorkingDirectory = package,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AzureWebJobsStorage"] = AzuriteEnvironment.ConnectionString,
                ["Storage__Prefix"] = prefix,
                ["Storage__AnalysisQueueName"] = "q-" + prefix,
                ["Monitor__Channels__0__Id"] = "ch",
                ["Monitor__Channels__0__FeedUrl"] = feed.Url("/feed").ToString(),
                ["Monitor__Channels__0__BrandAuthorIds__0"] = "brand",
            },
        };
        using var process = Process.Start(start)!;
        // The process writes from its reader threads while the test reads: every access takes the lock.
        var output = new StringBuilder();
        void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Captured()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? health = null;
            while (health?.StatusCode != HttpStatusCode.OK)
            {
                Assert.False(process.HasExited, "The executable exited: " + Captured());
                Assert.True(DateTime.UtcNow < deadline, "No answer on FUNCTIONS_CUSTOMHANDLER_PORT within 30 s: " + Captured());
                try
                {
                    health = await http.GetAsync("/api/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            using var poll = await http.PostAsync("/PollChannels", new StringContent("{\"Data\":{\"timer\":{\"IsPastDue\":false}},\"Metadata\":{}}", Encoding.UTF8, "application/json"));
            var pollBody = await poll.Content.ReadAsStringAsync();
            Assert.True(poll.IsSuccessStatusCode, pollBody + Captured());
            Assert.Contains("2 items stored", pollBody, StringComparison.Ordinal);

            using var analyze = await http.PostAsync("/AnalyzeChannel", new StringContent("{\"Data\":{\"message\":\"{\\\"channelId\\\":\\\"ch\\\",\\\"reason\\\":\\\"t\\\",\\\"requestedAt\\\":\\\"2026-01-01T00:00:00Z\\\"}\"},\"Metadata\":{}}", Encoding.UTF8, "application/json"));
            Assert.True(analyze.IsSuccessStatusCode, await analyze.Content.ReadAsStringAsync());

            var dashboard = JsonNode.Parse(await http.GetStringAsync("/api/dashboard"))!;
            Assert.Equal(1, dashboard["channels"]![0]!["openCount"]!.GetValue<int>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
