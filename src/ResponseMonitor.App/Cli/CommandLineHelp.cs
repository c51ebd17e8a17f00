namespace ResponseMonitor.App.Cli;

/// <summary>What <c>--help</c> prints: the verbs, how they reach a monitor, and the settings a first start needs.</summary>
internal static class CommandLineHelp
{
    public static readonly string[] Flags = ["--help", "-h", "-?", "help"];

    public const string Text = """
        ResponseMonitor: an open monitor of how a brand answers its public on social media.

        usage:
          dotnet ResponseMonitor.dll [--Key=Value ...]          serve the API and the dashboard (standalone)
          dotnet ResponseMonitor.dll <verb> <arguments> [--url <address>] [--Key=Value ...]

        verbs:
          import <channelId> <file|-> [--format csv|jsonl]      import an export of past posts and replies
          train-critics <brand> <file|-> [--format csv|jsonl]   train the brand's own critic model from labelled comments
          export-author <channelId> <authorId>                  everything stored about one author, as JSON
          erase-author <channelId> <authorId>                   erase one author's data

        A verb talks to a running monitor when given --url (or RESPONSEMONITOR_URL), with the key in Api__Key: this is how
        to reach ./run.sh's demo, which prints the command. Without --url it opens storage itself, with the settings below.

        settings (environment, with __ between levels, or --Section:Key=Value):
          AzureWebJobsStorage        storage connection string (required to serve or to run a verb without --url)
          Api__Key                   the API key, 16+ characters (required standalone; the key a verb sends with --url)
          Hosting__Urls              where the API listens (http://127.0.0.1:7071)
          Monitor__Channels__N__*    the channels: Id, Name, Kind, FeedUrl, Settings__*, BrandAuthorIds__N (docs/CHANNELS.md)
          Telemetry__ConsoleMetrics  true prints OpenTelemetry metrics to the console every minute (off)
          Every setting: README.md, "Configuration".

        exit codes: 0 done, 1 usage, configuration or unknown channel, 2 nothing usable (see each verb in README.md).
        """;

    public static bool IsHelp(string[] args) => args.Length > 0 && Flags.Contains(args[0], StringComparer.OrdinalIgnoreCase);
}
