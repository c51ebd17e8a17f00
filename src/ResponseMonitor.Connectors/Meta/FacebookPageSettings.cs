using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>A Facebook Page channel's settings: the page id, the Graph root with its version, how far back posts are re-read.</summary>
internal sealed record FacebookPageSettings(string PageId, Uri Graph, TimeSpan Lookback)
{
    public static FacebookPageSettings Read(ChannelSettings settings) =>
        new(settings.Required(FacebookPageConnector.PageIdSetting), MetaSettings.Graph(settings), MetaSettings.Lookback(settings));
}
