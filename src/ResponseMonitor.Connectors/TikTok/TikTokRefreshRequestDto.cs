namespace ResponseMonitor.Connectors.TikTok;

/// <summary>The JSON body of <c>POST tt_user/oauth2/refresh_token/</c>.</summary>
internal sealed record TikTokRefreshRequestDto(string ClientId, string ClientSecret, string GrantType, string RefreshToken);
