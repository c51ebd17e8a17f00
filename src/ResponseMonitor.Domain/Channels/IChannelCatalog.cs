namespace ResponseMonitor.Domain.Channels;

/// <summary>The configured channels. Configuration is the source of truth; nothing about a channel's setup is stored.</summary>
public interface IChannelCatalog
{
    IReadOnlyList<ChannelDefinition> All { get; }

    ChannelDefinition? Find(string channelId);
}
