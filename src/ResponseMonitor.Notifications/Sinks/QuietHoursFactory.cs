using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Notifications;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>Turns "22:00 to 07:00 on weekdays" into the local periods the domain reasons about.</summary>
internal static class QuietHoursFactory
{
    public static QuietHours Create(QuietHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var startDays = options.Days.Count == 0 ? Enum.GetValues<DayOfWeek>() : options.Days.Distinct().ToArray();
        var week = new Dictionary<DayOfWeek, List<OpeningInterval>>();
        if (options.End == "24:00" || string.CompareOrdinal(options.End, options.Start) > 0)
        {
            var interval = OpeningInterval.Parse($"{options.Start}-{options.End}");
            foreach (var day in startDays)
            {
                Add(week, day, interval);
            }
        }
        else
        {
            // Past midnight: the evening on the start day, the early hours on the next.
            var evening = OpeningInterval.Parse($"{options.Start}-24:00");
            var morning = options.End == "00:00" ? null : OpeningInterval.Parse($"00:00-{options.End}");
            foreach (var day in startDays)
            {
                Add(week, day, evening);
                if (morning is not null)
                {
                    Add(week, (DayOfWeek)(((int)day + 1) % 7), morning);
                }
            }
        }

        var periods = new BusinessHours(zone, week.ToDictionary(w => w.Key, w => (IReadOnlyList<OpeningInterval>)w.Value), new HashSet<DateOnly>());
        return new QuietHours(periods, options.Bypass.ToHashSet());
    }

    private static void Add(Dictionary<DayOfWeek, List<OpeningInterval>> week, DayOfWeek day, OpeningInterval interval)
    {
        if (!week.TryGetValue(day, out var list))
        {
            week[day] = list = [];
        }

        list.Add(interval);
    }
}
