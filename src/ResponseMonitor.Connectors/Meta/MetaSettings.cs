using System.Text.Json;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>Settings and cursor handling shared by the Facebook Page and Instagram connectors.</summary>
internal static class MetaSettings
{
    public const string GraphUrlSetting = "graphUrl";
    public const string GraphVersionSetting = "graphVersion";
    public const string LookbackSetting = "lookback";
    public const string IncludeAdsSetting = "includeAds";
    public const string AdsLookbackSetting = "adsLookback";

    /// <summary>
    /// The newest Graph API version when this was written: v26.0, released 29 July 2026, available until Meta sets
    /// its end (https://developers.facebook.com/docs/graph-api/changelog/versions/; v21.0 ends 21 January 2027).
    /// Each version lives about two years; set <c>Settings:graphVersion</c> to move on without a release.
    /// </summary>
    public const string DefaultGraphVersion = "v26.0";

    /// <summary>
    /// The Graph root with its version: <c>Settings:graphUrl</c> (default https://graph.facebook.com/) followed by
    /// <c>Settings:graphVersion</c> (default <see cref="DefaultGraphVersion"/>), unless the URL already ends in a version.
    /// </summary>
    public static Uri Graph(ChannelSettings settings) => Graph(settings, new Uri("https://graph.facebook.com/"), DefaultGraphVersion);

    /// <summary>A Graph-family root (Threads: https://graph.threads.net/, v1.0) read from the same two settings.</summary>
    public static Uri Graph(ChannelSettings settings, Uri defaultRoot, string defaultVersion)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Url(GraphUrlSetting, defaultRoot, asBase: true);
        if (IsVersion(root.Segments[^1].TrimEnd('/')))
        {
            return root;
        }

        var version = settings.Optional(GraphVersionSetting) ?? defaultVersion;
        if (IsVersion(version))
        {
            return new Uri(root, version + "/");
        }

        settings.Add($"Settings:graphVersion '{version}' is not a Graph API version such as '{defaultVersion}'.");
        return new Uri(root, defaultVersion + "/");
    }

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v' && segment[1..].Split('.') is [var major, var minor]
        && major.Length > 0 && minor.Length > 0 && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);

    public static TimeSpan Lookback(ChannelSettings settings) => settings.Duration(LookbackSetting, TimeSpan.FromDays(3));

    /// <summary>How far back ad posts are read: an ad runs for weeks, and its comments keep coming while it does.</summary>
    public static TimeSpan AdsLookback(ChannelSettings settings) => settings.Duration(AdsLookbackSetting, TimeSpan.FromDays(30));

    public static MetaCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, MetaJsonContext.Default.MetaCursor, "Meta");

    public static string Serialize(DateTimeOffset? newest) =>
        JsonSerializer.Serialize(new MetaCursor { Since = newest?.ToUnixTimeSeconds() }, MetaJsonContext.Default.MetaCursor);
}
