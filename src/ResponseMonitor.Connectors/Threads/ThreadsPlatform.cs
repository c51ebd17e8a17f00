using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>A brand's Threads profile (docs/CHANNELS.md, "Threads"): its posts and every reply through the Threads API, and the Threads webhooks.</summary>
internal sealed class ThreadsPlatform : IChannelPlatform
{
    public const string KindName = "threads";

    public string Kind => KindName;

    public void CheckSettings(ChannelSettings settings) => ThreadsSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<ThreadsConnector>(services);

    public IPushParser? CreatePushParser(IServiceProvider services) => new ThreadsPushParser();

    public IDemoEmulator? DemoEmulator { get; } = new ThreadsDemoEmulator();
}
