using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// Reddit (docs/CHANNELS.md): the brand's submissions and comments, its inbox, and the trees under its recent submissions.
/// Its Data API terms ask that content deleted on Reddit be removed: a deleted item leaves storage.
/// </summary>
internal sealed class RedditPlatform() : ChannelPlatform<RedditConnector>(ChannelKinds.Reddit, s => RedditSettings.Read(s), new RedditDemoEmulator(), purgesDeleted: true);
