using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// An Instagram channel's settings: the professional account id, the Graph root with its version, how far back media
/// are re-read, and, with <c>includeAds</c>, the ad account whose ads' Instagram media are read too.
/// </summary>
internal sealed record InstagramSettings(string AccountId, Uri Graph, TimeSpan Lookback, string? AdAccountId)
{
    public const string AdAccountIdSetting = "adAccountId";

    public static InstagramSettings Read(ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? adAccount = null;
        if (settings.Flag(MetaSettings.IncludeAdsSetting, false))
        {
            // Ad media are reached through the ads of an ad account (Marketing API), not through the IG user.
            adAccount = settings.Required(AdAccountIdSetting);
            adAccount = adAccount.StartsWith("act_", StringComparison.Ordinal) ? adAccount[4..] : adAccount;
            if (adAccount.Length > 0 && !adAccount.All(char.IsAsciiDigit))
            {
                settings.Add($"Settings:{AdAccountIdSetting} '{adAccount}' is not an ad account id such as act_1234567890.");
            }
        }

        return new(settings.Required(InstagramConnector.AccountIdSetting), MetaSettings.Graph(settings), MetaSettings.Lookback(settings), adAccount);
    }
}
