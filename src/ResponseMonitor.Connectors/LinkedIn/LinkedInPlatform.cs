using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>LinkedIn company pages (docs/CHANNELS.md): the comments on the page's recent posts, the page's answers, and LinkedIn's webhooks.</summary>
internal sealed class LinkedInPlatform() : ChannelPlatform<LinkedInConnector>(KindName, s => LinkedInSettings.Read(s), new LinkedInDemoEmulator())
{
    public const string KindName = "linkedin-page";

    public override IPushParser? CreatePushParser(IServiceProvider services) => new LinkedInPushParser(services.GetRequiredService<IChannelSecrets>());
}
