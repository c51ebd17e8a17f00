using System.Globalization;
using System.Text.Json;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>Settings and cursor handling shared by the Facebook Page and Instagram connectors.</summary>
internal static class MetaSettings
{
    public const string GraphUrlSetting = "graphUrl";
    public const string LookbackSetting = "lookback";

    public static Uri Graph(ChannelDefinition channel) =>
        channel.Settings.TryGetValue(GraphUrlSetting, out var text) && Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url)
            ? url
            : new Uri("https://graph.facebook.com/v21.0/");

    public static TimeSpan Lookback(ChannelDefinition channel) =>
        channel.Settings.TryGetValue(LookbackSetting, out var text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.FromDays(3);

    public static MetaCursor Parse(string? cursor) => ConnectorCursor.Parse(cursor, MetaJsonContext.Default.MetaCursor, "Meta");

    public static string Serialize(DateTimeOffset? newest) =>
        JsonSerializer.Serialize(new MetaCursor { Since = newest?.ToUnixTimeSeconds() }, MetaJsonContext.Default.MetaCursor);
}
