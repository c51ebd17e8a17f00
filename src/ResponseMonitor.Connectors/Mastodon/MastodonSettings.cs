using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>A Mastodon channel's settings: the instance, the brand's account id, how far back threads are re-read.</summary>
internal sealed record MastodonSettings(Uri Instance, string AccountId, TimeSpan ContextLookback)
{
    public static MastodonSettings Read(ChannelSettings settings) => new(
        settings.RequiredUrl(MastodonConnector.InstanceUrlSetting, asBase: true),
        settings.Required(MastodonConnector.AccountIdSetting),
        settings.Duration(MastodonConnector.ContextLookbackSetting, TimeSpan.FromDays(3)));
}
