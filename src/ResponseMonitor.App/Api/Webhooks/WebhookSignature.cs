using System.Security.Cryptography;
using System.Text;

namespace ResponseMonitor.App.Api.Webhooks;

/// <summary>
/// <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the raw body with the channel's secret: the scheme
/// Meta and GitHub use. Verified over the bytes as received, in constant time.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Optional on the generic feed's push: Unix seconds when the sender signed. With it the signature covers
    /// <c>{timestamp}.{body}</c>, so the same bytes cannot be sent again later under a fresh time; a push signed more than
    /// <see cref="MaxAge"/> away from now is refused as stale (docs/GENERIC_FEED.md, "Signed timestamps").
    /// </summary>
    public const string TimestampHeaderName = "X-Signature-Timestamp";

    /// <summary>The channel setting (<c>Monitor:Channels:N:Settings:requireSignedTimestamp</c>) that makes the timestamp required.</summary>
    public const string RequireTimestampSetting = "requireSignedTimestamp";

    /// <summary>How far a signed timestamp may lie from now, either way: replays older than this are refused.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The one answer to a signature that does not verify, whatever the reason (docs/GENERIC_FEED.md).</summary>
    public const string Mismatch = "The signature does not match the body.";
    /// <summary>The signature of a push signed at <paramref name="timestamp"/>: HMAC-SHA256 of <c>{timestamp}.{body}</c>.</summary>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body) => Compute(secret, Signed(timestamp, body));

    /// <summary>
    /// Null when the push may be taken; otherwise why not. Without a timestamp header the body alone is signed (unless
    /// <paramref name="requireTimestamp"/>); with one, the timestamp and the body are, and the timestamp must be recent.
    /// </summary>
    public static string? Verify(string secret, ReadOnlySpan<byte> body, string? header, string? timestampHeader, DateTimeOffset now, bool requireTimestamp)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return requireTimestamp ? $"This channel needs the '{TimestampHeaderName}' header (Unix seconds), signed with the body." : Verify(secret, body, header);
        }

        if (!long.TryParse(timestampHeader, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp) || timestamp is <= 0 or > 253_402_300_799)
        {
            return $"The '{TimestampHeaderName}' header must be Unix seconds.";
        }

        if (Verify(secret, Signed(timestamp, body), header) is { } error)
        {
            return error;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return age.Duration() > MaxAge
            ? $"The push was signed at {DateTimeOffset.FromUnixTimeSeconds(timestamp):O}, more than {MaxAge.TotalMinutes:0} minutes from now: refused as stale or replayed."
            : null;
    }

    private static byte[] Signed(long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }

    /// <summary>Null when valid; otherwise what is wrong with the header.</summary>
    public static string? Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (CheckFormat(header) is { } formatError)
        {
            return formatError;
        }

        var presented = Convert.FromHexString(header!.AsSpan(Prefix.Length));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : Mismatch;
    }

    /// <summary>Null when the header has the form <c>sha256=</c> and 64 hex digits; otherwise what is wrong with it.</summary>
    public static string? CheckFormat(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return $"The '{HeaderName}' header is missing.";
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return $"The '{HeaderName}' header must be 'sha256=' followed by 64 hex digits.";
        }

        return header.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits) ? $"The '{HeaderName}' header must be 'sha256=' followed by 64 hex digits." : null;
    }
}
