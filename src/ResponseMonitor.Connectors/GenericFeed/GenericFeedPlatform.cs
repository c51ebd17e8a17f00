using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>The generic JSON feed (docs/GENERIC_FEED.md), polled and pushed in the house's own format.</summary>
public sealed class GenericFeedPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.GenericFeed;

    public void CheckSettings(ChannelSettings settings) => GenericFeedSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<GenericFeedConnector>(services);
}
