using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>A Facebook Page (docs/CHANNELS.md): its posts and their comments through Graph, and Meta's <c>page</c> webhook.</summary>
internal sealed class FacebookPagePlatform() : ChannelPlatform<FacebookPageConnector>(ChannelKinds.FacebookPage, s => FacebookPageSettings.Read(s), new GraphDemoEmulator(instagram: false))
{
    public override IPushParser? CreatePushParser(IServiceProvider services) => new MetaPushParser();
}
