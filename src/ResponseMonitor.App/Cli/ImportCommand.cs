using System.Text;
using System.Text.Json;
using ResponseMonitor.App.Api;
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
        ArgumentNullException.ThrowIfNull(args);
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var formatIndex = Array.IndexOf(args, "--format");
        string? formatText = null;
        var configuration = args.ToList();
        if (formatIndex >= 0)
        {
            formatText = formatIndex + 1 < args.Length ? args[formatIndex + 1] : "";
            positional.Remove(formatText);
            configuration.RemoveRange(formatIndex, Math.Min(2, args.Length - formatIndex));
        }

        configuration.RemoveAll(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (positional.Count != 2)
        {
            await stderr.WriteLineAsync("usage: import <channelId> <file|-> [--format csv|jsonl] [--Key=Value ...]").ConfigureAwait(false);
            return 1;
        }

        var (channelId, path) = (positional[0], positional[1]);
        formatText ??= path == "-" ? null : Path.GetExtension(path).TrimStart('.');
        if (HistoryImporter.FormatFor(formatText) is not { } format)
        {
            await stderr.WriteLineAsync($"Cannot tell the format of '{path}': name it .csv or .jsonl, or pass --format csv|jsonl.").ConfigureAwait(false);
            return 1;
        }

        if (path != "-" && !File.Exists(path))
        {
            await stderr.WriteLineAsync($"No file '{path}'.").ConfigureAwait(false);
            return 1;
        }

        await using var app = ResponseMonitorApp.Create([.. configuration], overrideServices);
        if (app.Services.GetRequiredService<IChannelCatalog>().Find(channelId) is not { } channel)
        {
            await stderr.WriteLineAsync($"No channel '{channelId}' is configured.").ConfigureAwait(false);
            return 1;
        }

        using var reader = path == "-" ? null : new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024 });
        var result = await app.Services.GetRequiredService<HistoryImporter>().ImportAsync(channel, reader ?? stdin, format, CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(ImportEndpoints.Map(channel, format, result), ApiJsonContext.Default.ImportResponse)).ConfigureAwait(false);
        return result.Rows > 0 && result.Imported == 0 ? 2 : 0;
    }
}
