using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace ResponseMonitor.App.Api.Paging;

/// <summary>
/// The opaque <c>after</c> of every paged route: the sort key of a page's last row, tagged with the route (and order) it
/// came from, as base64url JSON. Clients echo <c>nextAfter</c>; nothing in it is a contract, so the key can change.
/// </summary>
internal static class PageToken
{
    /// <summary>Longest token read: keys are a few ids and instants, far below this.</summary>
    public const int MaxLength = 2048;

    public static string Encode(string scope, IReadOnlyList<string> key)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(scope);
            foreach (var part in key)
            {
                writer.WriteStringValue(part);
            }

            writer.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>The key in <paramref name="token"/>, or null when it is not a token this route (scope) handed out.</summary>
    public static string[]? Decode(string scope, string token, int parts)
    {
        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != parts + 1
                || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String) || root[0].GetString() != scope)
            {
                return null;
            }

            return [.. root.EnumerateArray().Skip(1).Select(e => e.GetString()!)];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
