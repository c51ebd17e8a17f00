using System.Text.Json;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>Settings and cursor handling shared by the Facebook Page and Instagram connectors.</summary>
internal static class MetaSettings
{
    public const string GraphUrlSetting = "graphUrl";
    public const string GraphVersionSetting = "graphVersion";
    public const string LookbackSetting = "lookback";

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
    public static Uri Graph(ChannelSettings settings)
    {
        var root = settings.Url(GraphUrlSetting, new Uri("https://graph.facebook.com/"), asBase: true);
        if (IsVersion(root.Segments[^1].TrimEnd('/')))
        {
            return root;
        }

        var version = settings.Optional(GraphVersionSetting) ?? DefaultGraphVersion;
        if (IsVersion(version))
        {
            return new Uri(root, version + "/");
        }

        settings.Add($"Settings:graphVersion '{version}' is not a Graph API version such as '{DefaultGraphVersion}'.");
        return new Uri(root, DefaultGraphVersion + "/");
    }

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v' && segment[1..].Split('.') is [var major, var minor]
        && major.Length > 0 && minor.Length > 0 && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);

    public static TimeSpan Lookback(ChannelSettings settings) => settings.Duration(LookbackSetting, TimeSpan.FromDays(3));

    public static MetaCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, MetaJsonContext.Default.MetaCursor, "Meta");

    public static string Serialize(DateTimeOffset? newest) =>
        JsonSerializer.Serialize(new MetaCursor { Since = newest?.ToUnixTimeSeconds() }, MetaJsonContext.Default.MetaCursor);
}
