using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>
/// <c>Notifications:Sinks:{name}:QuietHours</c>: e.g. 22:00–07:00 in Europe/Madrid. An end before the start runs
/// past midnight. <see cref="Days"/> are the days a quiet period starts (all when empty).
/// </summary>
public sealed class QuietHoursOptions
{
    public string TimeZone { get; set; } = "UTC";

    public string Start { get; set; } = "22:00";

    public string End { get; set; } = "07:00";

    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Severities that go through even in quiet hours (e.g. Critical).</summary>
    public List<WarningSeverity> Bypass { get; set; } = [];
}
