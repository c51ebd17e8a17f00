using System.Globalization;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api;

/// <summary>Reads query parameters strictly: a value that does not parse, or a parameter the route does not take, is a 400 that says which.</summary>
internal sealed class ApiQuery(IQueryCollection query)
{
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The function key in the query. The Functions host reads it (AuthenticationLevelHandler, "code") and forwards the
    /// whole query to the worker, so every route takes it beside its own parameters.
    /// </summary>
    public const string FunctionKey = "code";

    public string? Error { get; private set; }

    public string? String(string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    public DateTimeOffset? Instant(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            // Windows are computed around an instant (a default 'from' is 'to' minus the window): keep them far from
            // the ends of the calendar, where that arithmetic would overflow.
            if (value < EarliestInstant || value > LatestInstant)
            {
                Error ??= $"Query '{name}' must be between {EarliestInstant:yyyy-MM-dd} and {LatestInstant:yyyy-MM-dd}, not '{ErrorText.Quote(text)}'.";
                return null;
            }

            return value;
        }

        Error ??= $"Query '{name}' must be an ISO 8601 instant such as 2026-03-10T12:00:00Z, not '{ErrorText.Quote(text)}'.";
        return null;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (String(name) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error ??= $"Query '{name}' must be a whole number from {min} to {max}, not '{ErrorText.Quote(text)}'.";
        return fallback;
    }

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (StrictText.TryParseName<TEnum>(text, out var value))
        {
            return value;
        }

        Error ??= $"Query '{name}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}, not '{ErrorText.Quote(text)}'.";
        return null;
    }

    /// <summary>Records an error if the query holds a parameter not in <paramref name="allowed"/>.</summary>
    public void Only(params string[] allowed)
    {
        if (query.Keys.Except([.. allowed, FunctionKey], StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
        {
            Error ??= $"Unknown query parameter '{ErrorText.Quote(unknown)}'; this route takes {string.Join(", ", allowed)}.";
        }
    }

    public void Fail(string error) => Error ??= error;
}
