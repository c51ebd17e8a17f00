using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>Bluesky (docs/CHANNELS.md): the brand's author feed, its reply and mention notifications, and the threads under its recent posts.</summary>
internal sealed class BlueskyPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.Bluesky;

    public void CheckSettings(ChannelSettings settings) => BlueskySettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<BlueskyConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new BlueskyDemoEmulator();
}
