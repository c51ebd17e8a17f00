using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>LinkedIn company pages (docs/CHANNELS.md): the comments on the page's recent posts, and the page's answers.</summary>
internal sealed class LinkedInPlatform : IChannelPlatform
{
    public const string KindName = "linkedin-page";

    public string Kind => KindName;

    public void CheckSettings(ChannelSettings settings) => LinkedInSettings.Read(settings);

    public IChannelConnector CreateConnector(IServiceProvider services) => ActivatorUtilities.CreateInstance<LinkedInConnector>(services);

    public IDemoEmulator? DemoEmulator { get; } = new LinkedInDemoEmulator();
}
