using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>A Bluesky channel's settings: the PDS or AppView, the brand's handle or DID, how far back threads are re-read.</summary>
internal sealed record BlueskySettings(Uri Service, string Actor, TimeSpan ThreadLookback)
{
    public static BlueskySettings Read(ChannelSettings settings) => new(
        settings.RequiredUrl(BlueskyConnector.ServiceUrlSetting, asBase: true),
        settings.Required(BlueskyConnector.ActorSetting),
        settings.Duration(BlueskyConnector.ThreadLookbackSetting, TimeSpan.FromDays(3)));
}
