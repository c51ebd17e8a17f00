namespace ResponseMonitor.Domain.Channels;

/// <summary>Connector kinds the monitor knows. Platform connectors add theirs here.</summary>
public static class ChannelKinds
{
    public const string GenericFeed = "generic-feed";

    public const string Mastodon = "mastodon";

    public const string Bluesky = "bluesky";

    public const string YouTube = "youtube";

    public const string Reddit = "reddit";

    public const string X = "x";

    public const string FacebookPage = "facebook-page";

    public const string Instagram = "instagram";
}
