using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>YouTube (docs/CHANNELS.md): comment threads on the brand's videos.</summary>
internal sealed class YouTubePlatform() : ChannelPlatform<YouTubeConnector>(ChannelKinds.YouTube, s => YouTubeSettings.Read(s), new YouTubeDemoEmulator());
