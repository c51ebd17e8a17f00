using System.Security.Cryptography;
using System.Text;

namespace ResponseMonitor.App.Api.Webhooks;

/// <summary>
/// <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the raw body with the channel's secret: the scheme
/// Meta and GitHub use. Verified over the bytes as received, in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The one answer to a signature that does not verify, whatever the reason (docs/GENERIC_FEED.md).</summary>
    public const string Mismatch = "The signature does not match the body.";

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
