using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>A brand's Threads profile (docs/CHANNELS.md, "Threads"): its posts and every reply through the Threads API, and the Threads webhooks.</summary>
internal sealed class ThreadsPlatform() : ChannelPlatform<ThreadsConnector>(KindName, s => ThreadsSettings.Read(s), new ThreadsDemoEmulator())
{
    public const string KindName = "threads";

    public override IPushParser? CreatePushParser(IServiceProvider services) => new ThreadsPushParser();
}
