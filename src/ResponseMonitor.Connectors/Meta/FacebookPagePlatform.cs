using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>A Facebook Page (docs/CHANNELS.md): its posts and their comments through Graph, and Meta's <c>page</c> webhook.</summary>
internal sealed class FacebookPagePlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.FacebookPage;

    public void CheckSettings(ChannelSettings settings) => FacebookPageSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<FacebookPageConnector>(services);

    public IPushParser? CreatePushParser(IServiceProvider services) => new MetaPushParser();

    public IDemoEmulator? DemoEmulator { get; } = new GraphDemoEmulator(instagram: false);
}
