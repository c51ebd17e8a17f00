using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>A generic feed's settings: where the feed is (<c>FeedUrl</c>, or <c>Settings:feedUrl</c>).</summary>
internal sealed record GenericFeedSettings(Uri FeedUrl)
{
    public static GenericFeedSettings Read(ChannelSettings settings) =>
        new(settings.RequiredUrl(GenericFeedConnector.FeedUrlSetting, label: "an absolute FeedUrl (or Settings:feedUrl)"));
}
