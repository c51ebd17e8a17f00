using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Reddit;

/// <summary>A Reddit channel's settings: the API and auth roots, the brand's username, its OAuth app, how far back trees are re-read.</summary>
internal sealed record RedditSettings(Uri Api, Uri Auth, string Username, string? ClientId, bool PasswordGrant, TimeSpan TreeLookback, DateTimeOffset? RefreshTokenIssuedAt)
{
    /// <summary>When the configured refresh token was issued, so that its year's end is known before Reddit rotates it.</summary>
    public const string RefreshTokenIssuedAtSetting = "refreshTokenIssuedAt";

    public static DateTimeOffset? IssuedAt(ResponseMonitor.Domain.Channels.ChannelDefinition channel) => ChannelSettings.Read(channel, Read).RefreshTokenIssuedAt;

    public static RedditSettings Read(ChannelSettings settings)
    {
        var grant = settings.Optional(RedditConnector.GrantTypeSetting)?.ToLowerInvariant();
        if (grant is not (null or "password" or "refresh_token"))
        {
            settings.Add($"Settings:{RedditConnector.GrantTypeSetting} '{grant}' is not password or refresh_token.");
        }

        return new(
            settings.Url(RedditConnector.ApiUrlSetting, new Uri("https://oauth.reddit.com/"), asBase: true),
            settings.Url(RedditConnector.AuthUrlSetting, new Uri("https://www.reddit.com/"), asBase: true),
            settings.Required(RedditConnector.UsernameSetting),
            settings.Optional(RedditConnector.ClientIdSetting),
            grant == "password",
            settings.Duration(RedditConnector.TreeLookbackSetting, TimeSpan.FromDays(3)),
            settings.Time(RefreshTokenIssuedAtSetting));
    }
}
