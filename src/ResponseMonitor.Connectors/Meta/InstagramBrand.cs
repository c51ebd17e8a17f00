using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Who is the brand on Instagram. A comment's <c>from.id</c> is an Instagram-scoped id, not the account's IG user id
/// (Meta's changelog, October 2021: IG User ids in comment webhooks and the comments edge are app-scoped), so a
/// brand's own reply never carries <c>accountId</c>. It does carry the account's username, which the media listing
/// also returns. A comment whose username is the brand's (case-insensitively), or whose scoped id is listed in
/// BrandAuthorIds, is stored under <c>accountId</c>, so every brand reply, polled or pushed, counts as the brand's.
/// </summary>
internal sealed class InstagramBrand(ChannelDefinition channel, string accountId)
{
    public const string UsernameSetting = "username";

    private readonly HashSet<string> _usernames = new(
        channel.BrandAuthorIds.Append(channel.Settings.GetValueOrDefault(UsernameSetting) ?? "").Where(u => u.Length > 0),
        StringComparer.OrdinalIgnoreCase);

    public string AccountId => accountId;

    /// <summary>Learns the account's username from its own media.</summary>
    public void Learn(string? username)
    {
        if (!string.IsNullOrWhiteSpace(username))
        {
            _usernames.Add(username);
        }
    }

    /// <summary>The author id to store: <see cref="AccountId"/> for the brand, else the scoped id or the username.</summary>
    public string AuthorOf(string? scopedId, string? username) =>
        (username is not null && _usernames.Contains(username)) || (scopedId is not null && channel.BrandAuthorIds.Contains(scopedId))
            ? accountId
            : scopedId ?? username ?? FacebookPageConnector.UnknownAuthor;
}
