using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>An Instagram professional account (docs/CHANNELS.md): its media and their comments through Graph, and Meta's <c>instagram</c> webhook.</summary>
internal sealed class InstagramPlatform() : ChannelPlatform<InstagramConnector>(ChannelKinds.Instagram, s => InstagramSettings.Read(s), new GraphDemoEmulator(instagram: true))
{
    /// <summary>The account's username, learnt by the connector and needed by the push parser.</summary>
    public override void AddServices(IServiceCollection services) => services.TryAddSingleton<InstagramUsernames>();

    public override IPushParser? CreatePushParser(IServiceProvider services) => new MetaPushParser(services.GetRequiredService<InstagramUsernames>());
}
