using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors;

/// <summary>Connectors keep their high-water marks as small JSON objects in the channel's cursor.</summary>
internal static class ConnectorCursor
{
    public static T Parse<T>(string? cursor, JsonTypeInfo<T> type, string platform)
        where T : new()
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize(cursor, type) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"The stored {platform} cursor is not valid; reset the channel's cursor.", ex);
        }
    }

    public static string Serialize<T>(T cursor, JsonTypeInfo<T> type) => JsonSerializer.Serialize(cursor, type);
}
