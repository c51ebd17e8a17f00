using System.Text.Json;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Cli;

/// <summary>
/// <c>ResponseMonitor.App import &lt;channelId&gt; &lt;file|-&gt; [--format csv|jsonl] [--Key=Value ...]</c>: the same import as
/// <c>POST /api/import/{channelId}</c>, from a file or standard input, with the app's own configuration. Prints the
/// result as JSON. With <c>--url</c> it sends the file to that running monitor's API instead (<see cref="RemoteMonitor"/>).
/// Exit codes: 0 imported (bad rows are listed), 1 usage, configuration, unreachable or unknown channel, 2 every row was bad.
/// </summary>
internal static class ImportCommand
{
    public const string Verb = "import";

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices = null, Func<string, string?>? environment = null) =>
        FileCommandArguments.RunAsync(
            args,
            "import <channelId> <file|-> [--format csv|jsonl] [--url <address>] [--Key=Value ...]",
            environment ?? Environment.GetEnvironmentVariable,
            stderr,
            parsed => ImportLocallyAsync(parsed, stdin, stdout, stderr, overrideServices),
            (remote, parsed) => ImportRemotelyAsync(remote, parsed, stdin, stdout, stderr));

    private static async Task<int> ImportRemotelyAsync(RemoteMonitor remote, FileCommandArguments parsed, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var answer = await parsed.SendAsync(remote, $"api/import/{Uri.EscapeDataString(parsed.Subject)}", stdin, stderr).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return 1;
        }

        await stdout.WriteLineAsync(answer.Body).ConfigureAwait(false);
        using var json = System.Text.Json.JsonDocument.Parse(answer.Body ?? "{}");
        var root = json.RootElement;
        return root.TryGetProperty("rows", out var rows) && root.TryGetProperty("imported", out var imported) && rows.GetInt64() > 0 && imported.GetInt64() == 0 ? 2 : 0;
    }

    private static async Task<int> ImportLocallyAsync(FileCommandArguments parsed, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices)
    {
        var (channelId, format) = (parsed.Subject, parsed.Format);
        await using var app = StandaloneHost.Create(parsed.Configuration, overrideServices);
        if (app.Services.GetRequiredService<IChannelCatalog>().Find(channelId) is not { } channel)
        {
            await stderr.WriteLineAsync($"No channel '{channelId}' is configured.").ConfigureAwait(false);
            return 1;
        }

        using var reader = parsed.OpenFile();
        var result = await app.Services.GetRequiredService<HistoryImporter>().ImportAsync(channel, reader ?? stdin, format, CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(ImportEndpoints.Map(channel, format, result), ApiJsonContext.Default.ImportResponse)).ConfigureAwait(false);
        return result.Rows > 0 && result.Imported == 0 ? 2 : 0;
    }
}
