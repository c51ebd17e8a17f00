using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>A YouTube channel's settings: the API root, the brand's channel id, how far back reply threads are re-read.</summary>
internal sealed record YouTubeSettings(Uri Api, string ChannelId, TimeSpan ReplyLookback)
{
    public static YouTubeSettings Read(ChannelSettings settings) => new(
        settings.Url(YouTubeConnector.ApiUrlSetting, new Uri("https://www.googleapis.com/"), asBase: true),
        settings.Required(YouTubeConnector.ChannelIdSetting),
        settings.Duration(YouTubeConnector.ReplyLookbackSetting, TimeSpan.FromDays(3)));
}
