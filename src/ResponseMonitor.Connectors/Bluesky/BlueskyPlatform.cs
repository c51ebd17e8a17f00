using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>Bluesky (docs/CHANNELS.md): the brand's author feed, its reply and mention notifications, and the threads under its recent posts.</summary>
internal sealed class BlueskyPlatform() : ChannelPlatform<BlueskyConnector>(ChannelKinds.Bluesky, s => BlueskySettings.Read(s), new BlueskyDemoEmulator());
