using System.Buffers.Text;
using System.Text.Json;

namespace ResponseMonitor.Connectors.Http;

/// <summary>
/// The <c>exp</c> claim of a JWT (RFC 7519 §4.1.4, seconds since the epoch), read without validating the token: the
/// monitor only wants to know when the platform will stop taking it. Null for anything that is not such a token.
/// </summary>
internal static class JwtExpiry
{
    public static DateTimeOffset? Of(string? jwt)
    {
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253_402_300_800
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
