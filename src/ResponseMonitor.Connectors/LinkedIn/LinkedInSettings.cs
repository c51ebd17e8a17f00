using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// A LinkedIn page's settings: the API and OAuth roots, the organization, the <c>LinkedIn-Version</c> sent, the app
/// that renews tokens (with <c>ClientSecret</c>) and how far back posts are re-read.
/// </summary>
internal sealed record LinkedInSettings(Uri Api, Uri Auth, string Organization, string Version, string? ClientId, TimeSpan PostLookback)
{
    public static LinkedInSettings Read(ChannelSettings settings)
    {
        var organization = settings.Required(LinkedInConnector.OrganizationSetting);
        if (organization.Length > 0 && !organization.StartsWith("urn:li:organization:", StringComparison.Ordinal))
        {
            organization = organization.All(char.IsAsciiDigit) ? "urn:li:organization:" + organization : organization;
            if (!organization.StartsWith("urn:li:organization:", StringComparison.Ordinal))
            {
                settings.Add($"Settings:{LinkedInConnector.OrganizationSetting} '{organization}' is not an organization id (digits) or urn:li:organization:… URN.");
            }
        }

        var version = settings.Optional(LinkedInConnector.VersionSetting) ?? LinkedInVersions.Default;
        if (!LinkedInVersions.IsValid(version))
        {
            settings.Add($"Settings:{LinkedInConnector.VersionSetting} '{version}' is not a LinkedIn-Version like {LinkedInVersions.Default} (YYYYMM).");
        }

        return new(
            settings.Url(LinkedInConnector.ApiUrlSetting, new Uri("https://api.linkedin.com/rest/"), asBase: true),
            settings.Url(LinkedInConnector.AuthUrlSetting, new Uri("https://www.linkedin.com/oauth/v2/"), asBase: true),
            organization,
            version,
            settings.Optional(LinkedInConnector.ClientIdSetting),
            settings.Duration(LinkedInConnector.PostLookbackSetting, TimeSpan.FromDays(7)));
    }
}
