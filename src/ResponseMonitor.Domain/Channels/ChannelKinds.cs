namespace ResponseMonitor.Domain.Channels;

/// <summary>
/// Names of the kinds this repository's platforms register, for code that refers to one. The registered platforms
/// (<c>PlatformRegistry</c> in the Connectors project) are what start-up validation checks a channel's kind against;
/// a platform need not add its name here.
/// </summary>
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
