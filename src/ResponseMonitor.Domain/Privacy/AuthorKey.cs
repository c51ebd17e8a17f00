using System.Security.Cryptography;
using System.Text;

namespace ResponseMonitor.Domain.Privacy;

/// <summary>
/// How an erased author is remembered: a SHA-256 of the channel and the platform's author id, so that the list that
/// keeps them out of future polls does not itself hold the id.
/// </summary>
public static class AuthorKey
{
    /// <summary>The key an erased author of the channel is remembered by.</summary>
    public static string Of(string channelId, string authorId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + authorId)));
}
