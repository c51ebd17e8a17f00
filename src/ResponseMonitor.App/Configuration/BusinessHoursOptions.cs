using System.Globalization;
using ResponseMonitor.Domain.Calendar;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// <c>Monitor:BusinessHours</c> (the brand's) or <c>Monitor:Channels:N:BusinessHours</c> (a channel's own, replacing
/// the brand's): a time zone, each day's opening as "09:00-18:00" (several as "09:00-13:00,14:00-18:00"; a day
/// left out is closed), and holidays as dates.
/// </summary>
internal sealed class BusinessHoursOptions
{
    public string TimeZone { get; set; } = "UTC";

    public string? Monday { get; set; }

    public string? Tuesday { get; set; }

    public string? Wednesday { get; set; }

    public string? Thursday { get; set; }

    public string? Friday { get; set; }

    public string? Saturday { get; set; }

    public string? Sunday { get; set; }

    public List<string> Holidays { get; set; } = [];

    public bool IsEmpty => new[] { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }.All(string.IsNullOrWhiteSpace);

    /// <summary>Throws <see cref="FormatException"/> or <see cref="TimeZoneNotFoundException"/> with what is wrong.</summary>
    public BusinessHours ToBusinessHours()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var (day, text) in new[]
        {
            (DayOfWeek.Monday, Monday), (DayOfWeek.Tuesday, Tuesday), (DayOfWeek.Wednesday, Wednesday), (DayOfWeek.Thursday, Thursday),
            (DayOfWeek.Friday, Friday), (DayOfWeek.Saturday, Saturday), (DayOfWeek.Sunday, Sunday),
        })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                week[day] = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(OpeningInterval.Parse).ToList();
            }
        }

        var holidays = Holidays.Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Holiday '{h}' is not a date like 2026-12-25.")).ToHashSet();
        return new BusinessHours(zone, week, holidays);
    }
}
