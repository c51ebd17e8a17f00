using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>The generic JSON feed (docs/GENERIC_FEED.md), polled and pushed in the house's own format.</summary>
internal sealed class GenericFeedPlatform() : ChannelPlatform<GenericFeedConnector>(ChannelKinds.GenericFeed, s => GenericFeedSettings.Read(s));
