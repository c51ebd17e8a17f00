using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>Reddit (docs/CHANNELS.md): the brand's submissions and comments, its inbox, and the trees under its recent submissions.</summary>
internal sealed class RedditPlatform : IChannelPlatform
{
    public string Kind => ChannelKinds.Reddit;

    public void CheckSettings(ChannelSettings settings) => RedditSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<RedditConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new RedditDemoEmulator();
}
