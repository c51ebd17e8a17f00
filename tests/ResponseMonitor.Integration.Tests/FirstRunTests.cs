using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ResponseMonitor.App.Cli;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The first ten minutes of a new user: the program's help, its words when settings are missing, the verbs reaching a
/// running monitor over its API, and the API's answers to the wrong path.
/// </summary>
public sealed class FirstRunTests
{
    private static readonly string Program = Repo.PathOf("src", "ResponseMonitor.App", "bin", "Release", "net10.0", "ResponseMonitor.dll");

    /// <summary>The built program in an empty folder, with none of the settings a developer's shell may hold.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunProgram(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("rm-first-run");
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Program);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal) || k.StartsWith("Api__", StringComparison.Ordinal) || k == RemoteMonitor.UrlVariable).ToList())
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the program did not exit");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Help_prints_the_verbs_and_the_settings_and_exits_0()
    {
        var (exit, stdout, stderr) = RunProgram("--help");

        Assert.True(exit == 0, stderr);
        foreach (var word in new[] { "import", "train-critics", "export-author", "erase-author", "--url", "AzureWebJobsStorage", "Api__Key", "Telemetry__ConsoleMetrics" })
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }

        Assert.Equal("", stderr);
    }

    [Fact]
    public void Without_settings_each_missing_one_is_named_on_one_line_and_the_exit_code_is_1()
    {
        var (exit, stdout, stderr) = RunProgram();

        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 2, stderr);
        Assert.All(lines, l => Assert.StartsWith("ResponseMonitor cannot start: ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Api__Key", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("AzureWebJobsStorage", StringComparison.Ordinal) && !l.Contains("DataAnnotation", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verb_without_settings_says_so_in_one_line_per_setting_and_exits_1()
    {
        var file = Repo.PathOf("seeds", "acme-forum-history.csv");
        var (exit, stdout, stderr) = RunProgram("import", "acme-forum", file, "--Demo:Enabled=true");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => Assert.StartsWith("ResponseMonitor cannot start: ", l, StringComparison.Ordinal));

        var unknown = RunProgram("imprt", "acme-forum", file);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Unknown verb 'imprt'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verbs_reach_a_running_monitor_with_url_and_key()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "acme-forum", new Uri("http://127.0.0.1:1/feed"), brandId: "acme-team"),
            new Dictionary<string, string?> { ["Monitor:Channels:0:Brand"] = "Acme" }));
        var url = app.Client.BaseAddress!.ToString();
        string? Key(string name) => name == "Api__Key" ? TestApp.ApiKey : null;
        var file = Repo.PathOf("seeds", "acme-forum-history.csv");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(await ImportCommand.RunAsync(["acme-forum", file, "--url", url], TextReader.Null, stdout, stderr, environment: Key) == 0, stderr.ToString());
        var result = JsonNode.Parse(stdout.ToString())!;
        Assert.Equal((5, 5), (result["rows"]!.GetValue<int>(), result["imported"]!.GetValue<int>()));
        var stored = await app.GetJsonAsync("/api/authors/acme-forum/trailmum");
        Assert.Contains(stored["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "hist-3");

        // Standard input, through RESPONSEMONITOR_URL; every row bad is exit 2 as for the local verb.
        stdout = new StringWriter();
        string? Env(string name) => name == RemoteMonitor.UrlVariable ? url : Key(name);
        Assert.Equal(2, await ImportCommand.RunAsync(["acme-forum", "-", "--format", "csv"], new StringReader("id,authorId,createdAt\nx,,soon\n"), stdout, TextWriter.Null, environment: Env));

        // The author verbs: export prints what is stored, erase removes it, and export then finds nothing (exit 2).
        stdout = new StringWriter();
        Assert.Equal(0, await AuthorCommand.RunAsync(AuthorCommand.ExportVerb, ["acme-forum", "trailmum", "--url", url], stdout, TextWriter.Null, environment: Key));
        Assert.Contains("hist-3", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await AuthorCommand.RunAsync(AuthorCommand.EraseVerb, ["acme-forum", "trailmum", "--url", url], TextWriter.Null, TextWriter.Null, environment: Key));
        Assert.Equal(2, await AuthorCommand.RunAsync(AuthorCommand.ExportVerb, ["acme-forum", "trailmum", "--url", url], TextWriter.Null, TextWriter.Null, environment: Key));

        // Training with too few labels is refused by the monitor: exit 2 with its reason.
        stderr = new StringWriter();
        Assert.Equal(2, await TrainCriticsCommand.RunAsync(["Acme", "-", "--format", "csv", "--url", url], new StringReader("text,label\nawful,critical\n"), TextWriter.Null, stderr, environment: Key));
        Assert.NotEqual("", stderr.ToString().Trim());

        // A wrong key, an unknown channel and a stopped monitor each say so and exit 1.
        stderr = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(["acme-forum", file, "--url", url], TextReader.Null, TextWriter.Null, stderr, environment: _ => "not-the-key-0123456789"));
        Assert.Contains("refused the key", stderr.ToString(), StringComparison.Ordinal);
        stderr = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(["nope", file, "--url", url], TextReader.Null, TextWriter.Null, stderr, environment: Key));
        Assert.Contains("No channel 'nope'", stderr.ToString(), StringComparison.Ordinal);
        stderr = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(["acme-forum", file, "--url", $"http://127.0.0.1:{AzuriteEnvironment.FreePort()}"], TextReader.Null, TextWriter.Null, stderr, environment: Key));
        Assert.Contains("Cannot reach the monitor", stderr.ToString(), StringComparison.Ordinal);
        stderr = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(["acme-forum", file, "--url", url], TextReader.Null, TextWriter.Null, stderr, environment: _ => null));
        Assert.Contains("Set Api__Key", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_with_a_detail_and_exclusions_need_no_channel()
    {
        await using var app = await TestApp.StartAsync(TestApp.Merge(
            TestApp.Channel(0, "a", new Uri("http://127.0.0.1:1/feed")),
            TestApp.Channel(1, "b", new Uri("http://127.0.0.1:1/feed"))));

        using var missing = await app.Client.GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await missing.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), problem.ToJsonString());

        // The README shows channel as optional: without it, every channel's exclusions, each naming its channel.
        foreach (var channel in new[] { "a", "b" })
        {
            using var content = new StringContent(await File.ReadAllTextAsync(Repo.PathOf("seeds", "acme-forum-history.csv")), System.Text.Encoding.UTF8, "text/csv");
            using var imported = await app.Client.PostAsync($"/api/import/{channel}", content);
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        const string Window = "from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z";
        var all = await app.GetJsonAsync("/api/metrics/exclusions?" + Window);
        Assert.Null(all["channelId"]);
        Assert.Equal(["a/hist-5", "b/hist-5"], all["items"]!.AsArray().Select(i => $"{i!["channelId"]}/{i["id"]}").Order().ToArray());
        Assert.Equal(2, all["counts"]!["thanks"]!.GetValue<int>());
        var one = await app.GetJsonAsync("/api/metrics/exclusions?channel=a&" + Window);
        Assert.Equal("a", one["channelId"]!.GetValue<string>());
        Assert.Equal(["a/hist-5"], one["items"]!.AsArray().Select(i => $"{i!["channelId"]}/{i["id"]}").ToArray());
    }
}
