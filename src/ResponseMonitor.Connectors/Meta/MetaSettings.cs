using System.Globalization;
using System.Text.Json;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

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
    public static Uri Graph(ChannelDefinition channel)
    {
        var root = channel.Settings.TryGetValue(GraphUrlSetting, out var text) && Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url)
            ? url
            : new Uri("https://graph.facebook.com/");
        if (IsVersion(root.Segments[^1].TrimEnd('/')))
        {
            return root;
        }

        var version = channel.Settings.TryGetValue(GraphVersionSetting, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : DefaultGraphVersion;
        return IsVersion(version)
            ? new Uri(root, version + "/")
            : throw new ConnectorException($"Settings:graphVersion '{version}' is not a Graph API version such as '{DefaultGraphVersion}'.");
    }

    private static bool IsVersion(string segment) =>
        segment.Length > 1 && segment[0] == 'v' && segment[1..].Split('.') is [var major, var minor]
        && major.Length > 0 && minor.Length > 0 && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit);

    public static TimeSpan Lookback(ChannelDefinition channel) =>
        channel.Settings.TryGetValue(LookbackSetting, out var text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.FromDays(3);

    public static MetaCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, MetaJsonContext.Default.MetaCursor, "Meta");

    public static string Serialize(DateTimeOffset? newest) =>
        JsonSerializer.Serialize(new MetaCursor { Since = newest?.ToUnixTimeSeconds() }, MetaJsonContext.Default.MetaCursor);
}
