namespace ResponseMonitor.Domain.Calendar;

/// <summary>One open stretch of a day in local time, e.g. 09:00–18:00. <see cref="EndsAtMidnight"/> writes "–24:00".</summary>
public sealed record OpeningInterval(TimeOnly Open, TimeOnly Close, bool EndsAtMidnight = false)
{
    /// <summary>Parses <c>"09:00-18:00"</c>; <c>"24:00"</c> closes at midnight. Throws <see cref="FormatException"/> on anything else.</summary>
    public static OpeningInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParseExact(parts[0], "HH:mm", out var open))
        {
            throw new FormatException($"'{text}' is not an opening interval like 09:00-18:00.");
        }

        if (parts[1] == "24:00")
        {
            return new OpeningInterval(open, TimeOnly.MinValue, EndsAtMidnight: true);
        }

        if (!TimeOnly.TryParseExact(parts[1], "HH:mm", out var close) || close <= open)
        {
            throw new FormatException($"'{text}' must close after it opens, on the same day (use 24:00 for midnight).");
        }

        return new OpeningInterval(open, close);
    }

    /// <summary>The interval as configured, <c>HH:mm-HH:mm</c>.</summary>
    public override string ToString() => $"{Open:HH\\:mm}-{(EndsAtMidnight ? "24:00" : Close.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture))}";
}
