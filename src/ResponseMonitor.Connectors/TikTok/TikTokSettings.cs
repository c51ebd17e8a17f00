using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// A TikTok business account's settings: the API root, the account (<c>business_id</c>, the token's <c>open_id</c>),
/// the app that renews its tokens (with the channel's <c>ClientSecret</c>) and how far back videos are re-read.
/// </summary>
internal sealed record TikTokSettings(Uri Api, string BusinessId, string? AppId, TimeSpan VideoLookback)
{
    public static TikTokSettings Read(ChannelSettings settings) => new(
        settings.Url(TikTokConnector.ApiUrlSetting, new Uri("https://business-api.tiktok.com/open_api/"), asBase: true),
        settings.Required(TikTokConnector.BusinessIdSetting),
        settings.Optional(TikTokConnector.AppIdSetting),
        settings.Duration(TikTokConnector.VideoLookbackSetting, TimeSpan.FromDays(7)));
}
