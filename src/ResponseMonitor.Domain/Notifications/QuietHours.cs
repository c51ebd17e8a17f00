using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>
/// Times a sink is not disturbed (nights, weekends): notifications wait, stored, until the quiet period ends.
/// Severities in <see cref="Bypass"/> go through anyway.
/// </summary>
public sealed record QuietHours(BusinessHours Periods, IReadOnlySet<WarningSeverity> Bypass)
{
    /// <summary>When the quiet period around <paramref name="now"/> ends, or null if it is not quiet now.</summary>
    public DateTimeOffset? QuietUntil(DateTimeOffset now) => Periods.PeriodEnd(now);
}
