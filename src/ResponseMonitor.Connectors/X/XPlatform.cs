using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.X;

/// <summary>X (docs/CHANNELS.md): the brand's posts, its mentions, and the conversations under its recent posts.</summary>
internal sealed class XPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.X;

    public void CheckSettings(ChannelSettings settings) => XSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<XConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new XDemoEmulator();
}
