using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>TikTok business accounts (docs/CHANNELS.md): the comments, public and hidden, on the account's recent videos.</summary>
internal sealed class TikTokPlatform() : ChannelPlatform<TikTokConnector>(KindName, s => TikTokSettings.Read(s), new TikTokDemoEmulator())
{
    public const string KindName = "tiktok";
}
