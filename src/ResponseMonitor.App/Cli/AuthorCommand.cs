using System.Text.Json;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Api.Authors;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Privacy;

namespace ResponseMonitor.App.Cli;

/// <summary>
/// <c>ResponseMonitor.App erase-author &lt;channelId&gt; &lt;authorId&gt; [--Key=Value ...]</c> and
/// <c>export-author</c> with the same arguments: what <c>DELETE</c> and <c>GET /api/authors/{channelId}/{authorId}</c>
/// do, for an operator with the storage settings but no running app, or with <c>--url</c> through a running monitor's
/// API (<see cref="RemoteMonitor"/>). Prints the JSON answer. Exit codes: 0 done, 1 usage, configuration, unreachable
/// or unknown channel, 2 nothing stored about the author.
/// </summary>
internal static class AuthorCommand
{
    public const string EraseVerb = "erase-author";
    public const string ExportVerb = "export-author";

    public static async Task<int> RunAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var remote = RemoteMonitor.From(ref args, environment ?? Environment.GetEnvironmentVariable, out var remoteError);
        if (remoteError is not null)
        {
            await stderr.WriteLineAsync(remoteError).ConfigureAwait(false);
            return 1;
        }

        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (positional.Count != 2 || positional[1].Length > 256)
        {
            await stderr.WriteLineAsync($"usage: {verb} <channelId> <authorId (at most 256 characters)> [--url <address>] [--Key=Value ...]").ConfigureAwait(false);
            return 1;
        }

        if (remote is not null)
        {
            var answer = await remote.SendAsync(verb == ExportVerb ? HttpMethod.Get : HttpMethod.Delete, $"api/authors/{Uri.EscapeDataString(positional[0])}/{Uri.EscapeDataString(positional[1])}", stderr).ConfigureAwait(false);
            if (answer.Succeeded)
            {
                await stdout.WriteLineAsync(answer.Body).ConfigureAwait(false);
                return 0;
            }

            // 404 names either the channel or the author; the detail printed says which.
            return answer.Status == StatusCodes.Status404NotFound && answer.Body?.Contains("Unknown author", StringComparison.Ordinal) == true ? 2 : 1;
        }

        await using var app = StandaloneHost.Create([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal)), "--Hosting:Triggers=false"], overrideServices);
        if (app.Services.GetRequiredService<IChannelCatalog>().Find(positional[0]) is not { } channel)
        {
            await stderr.WriteLineAsync($"No channel is named '{positional[0]}'.").ConfigureAwait(false);
            return 1;
        }

        var data = app.Services.GetRequiredService<PersonalDataService>();
        var authorId = positional[1];
        if (verb == ExportVerb)
        {
            var record = await data.ExportAsync(channel, authorId, CancellationToken.None).ConfigureAwait(false);
            if (record.Items.Count == 0)
            {
                await stderr.WriteLineAsync($"Nothing is stored about this author on channel '{channel.Id}'.").ConfigureAwait(false);
                return 2;
            }

            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            await stdout.WriteLineAsync(JsonSerializer.Serialize(AuthorEndpoints.Export(channel, record, now), ApiJsonContext.Default.AuthorExportResponse)).ConfigureAwait(false);
            return 0;
        }

        var erased = await data.EraseAsync(channel, authorId, CancellationToken.None).ConfigureAwait(false);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(AuthorEndpoints.Erasure(authorId, erased), ApiJsonContext.Default.AuthorErasureResponse)).ConfigureAwait(false);
        return 0;
    }
}
