using System.Text.Json;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.App.Cli;

/// <summary>
/// <c>ResponseMonitor.App train-critics &lt;brand&gt; &lt;file|-&gt; [--format csv|jsonl] [--Key=Value ...]</c>: the same
/// training as <c>POST /api/critics/models/{brand}</c>, from a file of labelled comments (text, label, language).
/// Prints the result as JSON. With <c>--url</c> it sends the file to that running monitor's API instead
/// (<see cref="RemoteMonitor"/>). Exit codes: 0 trained (adopted or not: see <c>model.adopted</c>), 1 usage,
/// configuration, unreachable or unknown brand, 2 too few usable labels.
/// </summary>
internal static class TrainCriticsCommand
{
    public const string Verb = "train-critics";

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices = null, Func<string, string?>? environment = null) =>
        FileCommandArguments.RunAsync(
            args,
            "train-critics <brand> <file|-> [--format csv|jsonl] [--url <address>] [--Key=Value ...]",
            environment ?? Environment.GetEnvironmentVariable,
            stderr,
            parsed => TrainLocallyAsync(parsed, stdin, stdout, stderr, overrideServices),
            (remote, parsed) => TrainRemotelyAsync(remote, parsed, stdin, stdout, stderr));

    private static async Task<int> TrainRemotelyAsync(RemoteMonitor remote, FileCommandArguments parsed, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var answer = await parsed.SendAsync(remote, $"api/critics/models/{Uri.EscapeDataString(parsed.Subject)}", stdin, stderr).ConfigureAwait(false);
        if (answer.Succeeded)
        {
            await stdout.WriteLineAsync(answer.Body).ConfigureAwait(false);
            return 0;
        }

        return answer.Status == StatusCodes.Status422UnprocessableEntity ? 2 : 1;
    }

    private static async Task<int> TrainLocallyAsync(FileCommandArguments parsed, TextReader stdin, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? overrideServices)
    {
        await using var app = StandaloneHost.Create(parsed.Configuration, overrideServices);
        if (app.Services.GetRequiredService<IChannelCatalog>().FindBrand(parsed.Subject) is not { } brand)
        {
            await stderr.WriteLineAsync($"No channel belongs to brand '{parsed.Subject}'.").ConfigureAwait(false);
            return 1;
        }

        using var reader = parsed.OpenFile();
        var result = await app.Services.GetRequiredService<CriticModelService>().TrainAsync(brand, reader ?? stdin, parsed.Format, CancellationToken.None).ConfigureAwait(false);
        if (result.Report is null)
        {
            await stderr.WriteLineAsync(result.Refusal).ConfigureAwait(false);
            foreach (var rowError in result.Errors)
            {
                await stderr.WriteLineAsync($"line {rowError.Line}: {rowError.Error}").ConfigureAwait(false);
            }

            return 2;
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(CriticModelEndpoints.Map(result), ApiJsonContext.Default.CriticTrainingResponse)).ConfigureAwait(false);
        return 0;
    }
}
