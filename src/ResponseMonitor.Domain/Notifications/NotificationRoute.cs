using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// Sends the warnings that match to <see cref="Sinks"/> (<c>Notifications:Routes:N</c>). An empty list matches
/// anything; every route that matches applies, so a critic can go to the care team's Slack and, being critical, to
/// the on-call mailbox as well.
/// </summary>
public sealed class NotificationRoute
{
    /// <summary>Brands whose warnings match; empty: any.</summary>
    public List<string> Brands { get; set; } = [];

    /// <summary>Channel ids whose warnings match; empty: any.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>Rules whose warnings match; empty: any.</summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Matches warnings at or above this severity.</summary>
    public WarningSeverity MinSeverity { get; set; } = WarningSeverity.Info;

    /// <summary>The sinks a matching warning goes to.</summary>
    public List<string> Sinks { get; set; } = [];

    /// <summary>Whether a warning of the brand, channel, rule and severity matches.</summary>
    public bool Matches(string brand, string channelId, string rule, WarningSeverity severity) =>
        (Brands.Count == 0 || Brands.Contains(brand, StringComparer.OrdinalIgnoreCase))
        && (Channels.Count == 0 || Channels.Contains(channelId, StringComparer.OrdinalIgnoreCase))
        && (Rules.Count == 0 || Rules.Contains(rule, StringComparer.Ordinal))
        && severity >= MinSeverity;
}
