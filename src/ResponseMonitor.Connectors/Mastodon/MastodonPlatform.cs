using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>Mastodon (docs/CHANNELS.md): the brand's statuses, mentions and quotes, and the threads under its recent posts.</summary>
internal sealed class MastodonPlatform() : ChannelPlatform<MastodonConnector>(ChannelKinds.Mastodon, s => MastodonSettings.Read(s), new MastodonDemoEmulator());
