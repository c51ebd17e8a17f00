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
/// result as JSON. Exit codes: 0 imported (bad rows are listed), 1 usage or unknown channel, 2 every row was bad.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices = null)
    {
        if (FileCommandArguments.Parse(args, "import <channelId> <file|-> [--format csv|jsonl] [--Key=Value ...]", out var error) is not { } parsed)
        {
            await stderr.WriteLineAsync(error).ConfigureAwait(false);
            return 1;
        }

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
