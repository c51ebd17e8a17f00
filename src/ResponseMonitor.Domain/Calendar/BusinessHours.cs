namespace ResponseMonitor.Domain.Calendar;

/// <summary>
/// When a channel is staffed: a weekly schedule in the channel's time zone, minus holidays. Durations measured against it
/// count only open time, so a comment that arrives on Friday night starts waiting on Monday morning.
/// </summary>
public sealed class BusinessHours
{
    // Longest stretch searched for an opening; a schedule with no open hour in two years is treated as never open.
    private static readonly TimeSpan SearchLimit = TimeSpan.FromDays(731);

    private readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> _week;
    private readonly IReadOnlySet<DateOnly> _holidays;

    /// <summary>Opening hours in a time zone, by day of the week, closed on the given dates.</summary>
    public BusinessHours(TimeZoneInfo timeZone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> week, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(holidays);
        TimeZone = timeZone;
        _week = week.ToDictionary(d => d.Key, d => (IReadOnlyList<OpeningInterval>)d.Value.OrderBy(i => i.Open).ToList());
        _holidays = holidays;
    }

    /// <summary>The zone the hours are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The open intervals of each day; a day missing is closed.</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> Week => _week;

    /// <summary>Dates (in the zone) on which the channel is closed all day.</summary>
    public IReadOnlySet<DateOnly> Holidays => _holidays;

    /// <summary>Whether the instant falls inside the opening hours.</summary>
    public bool IsOpen(DateTimeOffset instant) =>
        OpenPeriods(instant.AddDays(-2), instant.AddDays(1)).Any(p => p.Start <= instant && instant < p.End);

    /// <summary>When the open period around <paramref name="instant"/> ends, periods that touch taken as one; null when closed.</summary>
    public DateTimeOffset? PeriodEnd(DateTimeOffset instant)
    {
        DateTimeOffset? end = null;
        foreach (var (start, stop) in OpenPeriods(instant.AddDays(-2), instant + SearchLimit))
        {
            if (end is null)
            {
                if (start <= instant && instant < stop)
                {
                    end = stop;
                }
            }
            else if (start <= end.Value)
            {
                end = stop > end.Value ? stop : end;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Open time within [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in OpenPeriods(from, to))
        {
            var s = start > from ? start : from;
            var e = end < to ? end : to;
            if (e > s)
            {
                total += e - s;
            }
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="span"/> of open time has passed since <paramref name="from"/>; null if the schedule never opens.</summary>
    public DateTimeOffset? AddBusinessTime(DateTimeOffset from, TimeSpan span)
    {
        var remaining = span;
        foreach (var (start, end) in OpenPeriods(from, from + SearchLimit + span))
        {
            var s = start > from ? start : from;
            if (end <= s)
            {
                continue;
            }

            if (end - s >= remaining)
            {
                return s + remaining;
            }

            remaining -= end - s;
        }

        return null;
    }

    /// <summary>The open periods, as UTC instants, of the local days that overlap [from, to), in order.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenPeriods(DateTimeOffset from, DateTimeOffset to)
    {
        // One local day either side covers offsets up to ±14 h.
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, TimeZone).DateTime).AddDays(1);
        for (; day <= last; day = day.AddDays(1))
        {
            if (_holidays.Contains(day) || !_week.TryGetValue(day.DayOfWeek, out var intervals))
            {
                continue;
            }

            foreach (var interval in intervals)
            {
                var start = ToInstant(day, interval.Open);
                var end = interval.Close == TimeOnly.MinValue && interval.EndsAtMidnight ? ToInstant(day.AddDays(1), TimeOnly.MinValue) : ToInstant(day, interval.Close);
                if (end > start && end > from && start < to)
                {
                    yield return (start, end);
                }
            }
        }
    }

    /// <summary>Local wall time to an instant. A time skipped by a clock change moves forward to when the clock resumes.</summary>
    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        for (var i = 0; i < 4 && TimeZone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(30);
        }

        // An ambiguous time (clocks going back) takes the first occurrence, the daylight one.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
