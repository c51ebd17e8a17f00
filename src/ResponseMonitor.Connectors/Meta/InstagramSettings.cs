using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>An Instagram channel's settings: the professional account id, the Graph root with its version, how far back media are re-read.</summary>
internal sealed record InstagramSettings(string AccountId, Uri Graph, TimeSpan Lookback)
{
    public static InstagramSettings Read(ChannelSettings settings) =>
        new(settings.Required(InstagramConnector.AccountIdSetting), MetaSettings.Graph(settings), MetaSettings.Lookback(settings));
}
