using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.X;

/// <summary>
/// X (docs/CHANNELS.md): the brand's posts, its mentions, and the conversations under its recent posts. Its developer
/// policy asks that deletions be honoured: a deleted item leaves storage.
/// </summary>
internal sealed class XPlatform() : ChannelPlatform<XConnector>(ChannelKinds.X, s => XSettings.Read(s), new XDemoEmulator(), purgesDeleted: true);
