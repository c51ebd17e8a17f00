using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.App.Cli;

/// <summary>
/// The arguments of a verb that reads one file: <c>&lt;subject&gt; &lt;file|-&gt; [--format csv|jsonl] [--Key=Value ...]</c>.
/// The <c>--Key=Value</c> pairs are configuration, as for the app itself.
/// </summary>
internal sealed record FileCommandArguments(string Subject, string Path, ImportFormat Format, string[] Configuration)
{
    /// <summary>The parsed arguments, or null with the reason in <paramref name="error"/>.</summary>
    public static FileCommandArguments? Parse(string[] args, string usage, out string? error)
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
            error = "usage: " + usage;
            return null;
        }

        var path = positional[1];
        formatText ??= path == "-" ? null : System.IO.Path.GetExtension(path).TrimStart('.');
        if (HistoryImporter.FormatFor(formatText) is not { } format)
        {
            error = $"Cannot tell the format of '{path}': name it .csv or .jsonl, or pass --format csv|jsonl.";
            return null;
        }

        if (path != "-" && !File.Exists(path))
        {
            error = $"No file '{path}'.";
            return null;
        }

        error = null;
        return new FileCommandArguments(positional[0], path, format, [.. configuration]);
    }

    /// <summary>
    /// Runs a verb that reads one file: against the running monitor <c>--url</c> names (<paramref name="remotely"/>), or
    /// with storage opened here (<paramref name="locally"/>). Usage errors print one line and give exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        string usage,
        Func<string, string?> environment,
        TextWriter stderr,
        Func<FileCommandArguments, Task<int>> locally,
        Func<RemoteMonitor, FileCommandArguments, Task<int>> remotely)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(locally);
        ArgumentNullException.ThrowIfNull(remotely);
        using var remote = RemoteMonitor.From(ref args, environment, out var error);
        if (error is null && Parse(args, usage, out error) is { } parsed)
        {
            return remote is null ? await locally(parsed).ConfigureAwait(false) : await remotely(remote, parsed).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync(error).ConfigureAwait(false);
        return 1;
    }

    /// <summary>POSTs the file to <paramref name="path"/> on the running monitor, with its format named.</summary>
    public async Task<RemoteAnswer> SendAsync(RemoteMonitor remote, string path, TextReader stdin, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(remote);
        await using var body = OpenBody(stdin);
        return await remote.SendAsync(HttpMethod.Post, $"{path}?format={FormatName}", stderr, body, Format == ImportFormat.Csv ? "text/csv" : "application/x-ndjson").ConfigureAwait(false);
    }

    /// <summary>
    /// The file's bytes for a request body, or standard input's text as UTF-8 through a small pipe: never the whole file
    /// in memory.
    /// </summary>
    public Stream OpenBody(TextReader stdin)
    {
        if (Path != "-")
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }

        var pipe = new System.IO.Pipelines.Pipe();
        _ = Task.Run(async () =>
        {
            var buffer = new char[16 * 1024];
            int read;
            try
            {
                while ((read = await stdin.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    await pipe.Writer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(buffer, 0, read)).ConfigureAwait(false);
                }

                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                await pipe.Writer.CompleteAsync(ex).ConfigureAwait(false);
            }
        });
        return pipe.Reader.AsStream();
    }

    /// <summary>The format as the API's <c>?format=</c> names it.</summary>
    public string FormatName => Format == ImportFormat.Csv ? "csv" : "jsonl";

    /// <summary>The file, or null for standard input.</summary>
    public StreamReader? OpenFile() => Path == "-"
        ? null
        : new StreamReader(Path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 64 * 1024 });
}
