using ResponseMonitor.Connectors.Meta;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// A Threads channel's settings (docs/CHANNELS.md, "Threads"): the brand's Threads user id and username, the Threads
/// Graph root with its version (<c>graphUrl</c>, <c>graphVersion</c>, as for the other Meta platforms), how far back the
/// brand's posts are re-read, and how long before the long-lived token's end the monitor refreshes it.
/// </summary>
internal sealed record ThreadsSettings(string UserId, string Username, Uri Api, TimeSpan Lookback, TimeSpan RefreshWithin)
{
    public const string UserIdSetting = "userId";
    public const string UsernameSetting = InstagramBrand.UsernameSetting;
    public const string RefreshWithinSetting = "refreshWithin";

    /// <summary>The Threads API's host and only version (https://developers.facebook.com/documentation/threads/overview).</summary>
    public static readonly Uri DefaultRoot = new("https://graph.threads.net/");

    public const string DefaultVersion = "v1.0";

    public static ThreadsSettings Read(ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var refreshWithin = settings.Duration(RefreshWithinSetting, TimeSpan.FromDays(7));

        // A long-lived token lives 60 days (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/):
        // a window as long would refresh at every chance, one longer could never be met.
        if (refreshWithin >= TimeSpan.FromDays(60))
        {
            settings.Add($"Settings:{RefreshWithinSetting} must be shorter than the 60 days a Threads long-lived token lives.");
        }

        return new(settings.Required(UserIdSetting), settings.Required(UsernameSetting), MetaSettings.Graph(settings, DefaultRoot, DefaultVersion), MetaSettings.Lookback(settings), refreshWithin);
    }
}
