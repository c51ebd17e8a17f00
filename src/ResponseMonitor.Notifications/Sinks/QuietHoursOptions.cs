using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// <c>Notifications:Sinks:{name}:QuietHours</c>: e.g. 22:00–07:00 in Europe/Madrid. An end before the start runs
/// past midnight. <see cref="Days"/> are the days a quiet period starts (all when empty).
/// </summary>
public sealed class QuietHoursOptions
{
    /// <summary>The time zone the hours are in, as an id the system knows (IANA on Linux).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When the quiet period starts (HH:mm).</summary>
    public string Start { get; set; } = "22:00";

    /// <summary>When the quiet period ends (HH:mm); before the start, it ends the next day.</summary>
    public string End { get; set; } = "07:00";

    /// <summary>The days a quiet period starts on; empty for every day.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Severities that go through even in quiet hours (e.g. Critical).</summary>
    public List<WarningSeverity> Bypass { get; set; } = [];
}
