using ResponseMonitor.Domain.Calendar;

namespace ResponseMonitor.Domain.Tests;

/// <summary>Business time against hand-computed cases: weekends, holidays, time zones and clock changes.</summary>
public sealed class BusinessHoursTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    /// <summary>Mon–Fri 09:00–18:00 in Madrid, with 6 January (Epiphany, a Tuesday in 2026) off.</summary>
    private static BusinessHours Office(params DateOnly[] holidays)
    {
        var day = new List<OpeningInterval> { OpeningInterval.Parse("09:00-18:00") };
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>
        {
            [DayOfWeek.Monday] = day, [DayOfWeek.Tuesday] = day, [DayOfWeek.Wednesday] = day, [DayOfWeek.Thursday] = day, [DayOfWeek.Friday] = day,
        };
        return new BusinessHours(Madrid, week, holidays.ToHashSet());
    }

    // Madrid is UTC+1 in winter: 09:00 local is 08:00Z.
    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(month is >= 4 and <= 9 ? 2 : 1));

    [Fact]
    public void A_comment_on_friday_night_starts_counting_at_monday_opening()
    {
        var hours = Office();
        var fridayNight = Local(1, 9, 20);            // Friday 20:00
        var mondayTen = Local(1, 12, 10);             // Monday 10:00
        Assert.Equal(TimeSpan.FromHours(1), hours.BusinessTimeBetween(fridayNight, mondayTen));
        Assert.Equal(Local(1, 12, 9), hours.AddBusinessTime(fridayNight, TimeSpan.Zero));
        Assert.Equal(Local(1, 12, 13), hours.AddBusinessTime(fridayNight, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Spans_over_several_days_add_each_days_open_hours()
    {
        var hours = Office();
        // Wednesday 16:00 to Friday 11:00: 2 h + 9 h + 2 h.
        Assert.Equal(TimeSpan.FromHours(13), hours.BusinessTimeBetween(Local(1, 14, 16), Local(1, 16, 11)));
        // 24 business hours from Wednesday 16:00: 2 (Wed) + 9 (Thu) + 9 (Fri) leaves 4 for Monday: 13:00.
        Assert.Equal(Local(1, 19, 13), hours.AddBusinessTime(Local(1, 14, 16), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void Holidays_are_closed()
    {
        var epiphany = new DateOnly(2026, 1, 6);
        var hours = Office(epiphany);
        // Monday 17:00 to Wednesday 10:00 with Tuesday off: 1 h + 1 h.
        Assert.Equal(TimeSpan.FromHours(2), hours.BusinessTimeBetween(Local(1, 5, 17), Local(1, 7, 10)));
        Assert.False(hours.IsOpen(Local(1, 6, 12)));
        Assert.True(hours.IsOpen(Local(1, 7, 12)));
    }

    [Fact]
    public void The_night_the_clocks_go_forward_has_one_hour_less()
    {
        // Always open; on Sunday 29 March 2026 Madrid skips 02:00–03:00, so that local day lasts 23 hours.
        var all = new List<OpeningInterval> { OpeningInterval.Parse("00:00-24:00") };
        var week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)all);
        var hours = new BusinessHours(Madrid, week, new HashSet<DateOnly>());
        var start = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var end = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(23), end - start);
        Assert.Equal(TimeSpan.FromHours(23), hours.BusinessTimeBetween(start, end));
    }

    [Fact]
    public void Touching_periods_end_together()
    {
        // Quiet 22:00–24:00 and 00:00–07:00: at 23:00 the quiet period runs to 07:00 the next morning.
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            week[day] = [OpeningInterval.Parse("00:00-07:00"), OpeningInterval.Parse("22:00-24:00")];
        }

        var quiet = new BusinessHours(Madrid, week, new HashSet<DateOnly>());
        Assert.Equal(Local(1, 15, 7), quiet.PeriodEnd(Local(1, 14, 23)));
        Assert.Null(quiet.PeriodEnd(Local(1, 14, 12)));
    }

    [Theory]
    [InlineData("18:00-09:00")]
    [InlineData("9-17")]
    [InlineData("09:00")]
    public void Bad_intervals_are_refused_with_the_reason(string text) =>
        Assert.Throws<FormatException>(() => OpeningInterval.Parse(text));
}
