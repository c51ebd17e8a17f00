using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.X;

/// <summary>An X channel's settings: the API root, the brand's user id, how far back conversations are re-read.</summary>
internal sealed record XSettings(Uri Api, string UserId, TimeSpan ConversationLookback)
{
    public static XSettings Read(ChannelSettings settings) => new(
        settings.Url(XConnector.ApiUrlSetting, new Uri("https://api.x.com/"), asBase: true),
        settings.Required(XConnector.UserIdSetting),
        settings.Duration(XConnector.ConversationLookbackSetting, TimeSpan.FromDays(3)));
}
