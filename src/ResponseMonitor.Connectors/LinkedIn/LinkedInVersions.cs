using System.Globalization;

namespace ResponseMonitor.Connectors.LinkedIn;

/// <summary>
/// The <c>LinkedIn-Version</c> header's versions (YYYYMM) and when each is sunset. LinkedIn releases monthly and
/// supports each version "for a minimum of one year before sunset" (https://learn.microsoft.com/en-us/linkedin/marketing/versioning);
/// the dates below are those of its API Migration Status table
/// (https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations) and the Comments API page's banner
/// (202508). A version not in the table is taken to end a year after its release month, mid-month.
/// </summary>
internal static class LinkedInVersions
{
    /// <summary>The version sent when <c>Settings:version</c> is not set.</summary>
    public const string Default = "202607";

    private static readonly Dictionary<string, DateOnly> Sunsets = new(StringComparer.Ordinal)
    {
        ["202508"] = new(2026, 8, 17),
        ["202510"] = new(2026, 10, 15),
        ["202511"] = new(2026, 11, 16),
        ["202601"] = new(2027, 1, 15),
        ["202602"] = new(2027, 2, 15),
        ["202603"] = new(2027, 3, 16),
    };

    /// <summary>Whether <paramref name="version"/> is a YYYYMM month from 2022 (the first versioned release) on.</summary>
    public static bool IsValid(string version) =>
        version.Length == 6 && DateOnly.TryParseExact(version + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2022;

    /// <summary>The version's sunset, and whether LinkedIn published it (false: a year after release, estimated).</summary>
    public static (DateTimeOffset At, bool Published) Sunset(string version)
    {
        if (Sunsets.TryGetValue(version, out var known))
        {
            return (new DateTimeOffset(known.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
        }

        var release = DateOnly.ParseExact(version + "15", "yyyyMMdd", CultureInfo.InvariantCulture);
        return (new DateTimeOffset(release.AddYears(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), false);
    }
}
