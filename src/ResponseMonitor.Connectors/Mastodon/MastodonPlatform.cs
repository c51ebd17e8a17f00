using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>Mastodon (docs/CHANNELS.md): the brand's statuses, mentions and quotes, and the threads under its recent posts.</summary>
internal sealed class MastodonPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.Mastodon;

    public void CheckSettings(ChannelSettings settings) => MastodonSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<MastodonConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new MastodonDemoEmulator();
}
