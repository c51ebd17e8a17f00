namespace ResponseMonitor.Domain.Channels;

/// <summary>
/// Names of the kinds this repository's platforms register, for code that refers to one. The registered platforms
/// (<c>PlatformRegistry</c> in the Connectors project) are what start-up validation checks a channel's kind against;
/// a platform need not add its name here.
/// </summary>
public static class ChannelKinds
{
    /// <summary>A feed in the project's own JSON format (docs/GENERIC_FEED.md).</summary>
    public const string GenericFeed = "generic-feed";

    /// <summary>A Mastodon account's mentions and quotes.</summary>
    public const string Mastodon = "mastodon";

    /// <summary>A Bluesky account's threads and notifications.</summary>
    public const string Bluesky = "bluesky";

    /// <summary>A YouTube channel's comment threads.</summary>
    public const string YouTube = "youtube";

    /// <summary>A subreddit or a Reddit account's threads.</summary>
    public const string Reddit = "reddit";

    /// <summary>An X account's mentions and conversations.</summary>
    public const string X = "x";

    /// <summary>A Facebook Page's posts, comments and ad comments.</summary>
    public const string FacebookPage = "facebook-page";

    /// <summary>An Instagram professional account's media comments.</summary>
    public const string Instagram = "instagram";
}
