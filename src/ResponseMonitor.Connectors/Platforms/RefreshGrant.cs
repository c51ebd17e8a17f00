namespace ResponseMonitor.Connectors.Platforms;

/// <summary>One refresh-token exchange a platform's token endpoint is asked for: the app and the refresh token to spend.</summary>
internal sealed record RefreshGrant(HttpClient Client, string ChannelId, string ClientId, string ClientSecret, string RefreshToken);
