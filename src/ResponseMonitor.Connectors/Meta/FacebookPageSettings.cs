using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// A Facebook Page channel's settings: the page id, the Graph root with its version, how far back posts are re-read,
/// and whether the comments on the page's ad posts are read too (<c>includeAds</c>, with <c>adsLookback</c>).
/// </summary>
internal sealed record FacebookPageSettings(string PageId, Uri Graph, TimeSpan Lookback, bool IncludeAds, TimeSpan AdsLookback)
{
    public static FacebookPageSettings Read(ChannelSettings settings) =>
        new(settings.Required(FacebookPageConnector.PageIdSetting), MetaSettings.Graph(settings), MetaSettings.Lookback(settings),
            settings.Flag(MetaSettings.IncludeAdsSetting, false), MetaSettings.AdsLookback(settings));
}
