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
/// do, for an operator with the storage settings but no running app. Prints the JSON answer. Exit codes: 0 done,
/// 1 usage or unknown channel, 2 nothing stored about the author.
/// </summary>
public static class AuthorCommand
{
    public const string EraseVerb = "erase-author";
    public const string ExportVerb = "export-author";

    public static async Task<int> RunAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (positional.Count != 2 || positional[1].Length > 256)
        {
            await stderr.WriteLineAsync($"usage: {verb} <channelId> <authorId (at most 256 characters)> [--Key=Value ...]").ConfigureAwait(false);
            return 1;
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
