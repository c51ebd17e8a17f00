using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>YouTube (docs/CHANNELS.md): comment threads on the brand's videos.</summary>
internal sealed class YouTubePlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.YouTube;

    public void CheckSettings(ChannelSettings settings) => YouTubeSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<YouTubeConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new YouTubeDemoEmulator();
}
