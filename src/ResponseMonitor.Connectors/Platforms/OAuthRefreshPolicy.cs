namespace ResponseMonitor.Connectors.Platforms;

/// <summary>How one platform's refresh-token flow differs from another's.</summary>
/// <param name="Platform">The platform's name, in messages.</param>
/// <param name="ClientIdSetting">The channel setting that names the app (with the channel's ClientSecret).</param>
/// <param name="Margin">How long before the access token's end it is renewed.</param>
/// <param name="DefaultLifetime">How long an access token lasts when the answer does not say.</param>
/// <param name="ReportsRefreshEnd">Whether each renewal reports the refresh token's end as the channel's credential end; false when the connector weighs it against another end itself.</param>
internal sealed record OAuthRefreshPolicy(string Platform, string ClientIdSetting, TimeSpan Margin, TimeSpan DefaultLifetime, bool ReportsRefreshEnd);
