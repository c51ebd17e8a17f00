namespace ResponseMonitor.Domain.Channels;

/// <summary>The configured channels. Configuration is the source of truth; nothing about a channel's setup is stored.</summary>
public interface IChannelCatalog
{
    /// <summary>Every configured channel.</summary>
    IReadOnlyList<ChannelDefinition> All { get; }

    /// <summary>The channel with this id; null when none is configured.</summary>
    ChannelDefinition? Find(string channelId);
}
