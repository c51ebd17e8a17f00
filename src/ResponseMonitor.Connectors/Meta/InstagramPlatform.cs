using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>An Instagram professional account (docs/CHANNELS.md): its media and their comments through Graph, and Meta's <c>instagram</c> webhook.</summary>
internal sealed class InstagramPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.Instagram;

    public void CheckSettings(ChannelSettings settings) => InstagramSettings.Read(settings);

    /// <summary>The account's username, learnt by the connector and needed by the push parser.</summary>
    public void AddServices(IServiceCollection services) => services.TryAddSingleton<InstagramUsernames>();

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<InstagramConnector>(services);

    public IPushParser? CreatePushParser(IServiceProvider services) => new MetaPushParser(services.GetRequiredService<InstagramUsernames>());

    public IDemoEmulator? DemoEmulator { get; } = new GraphDemoEmulator(instagram: true);
}
