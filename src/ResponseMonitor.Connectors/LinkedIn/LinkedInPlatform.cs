using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>LinkedIn company pages (docs/CHANNELS.md): the comments on the page's recent posts, and the page's answers.</summary>
internal sealed class LinkedInPlatform() : ChannelPlatform<LinkedInConnector>(KindName, s => LinkedInSettings.Read(s), new LinkedInDemoEmulator())
{
    public const string KindName = "linkedin-page";
}
