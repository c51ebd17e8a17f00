namespace ResponseMonitor.Domain.Text;

/// <summary>Strict readings of caller text: enum names exactly as written, and "required" meaning something visible.</summary>
public static class StrictText
{
    /// <summary>
    /// One of <typeparamref name="TEnum"/>'s names, ignoring case, and nothing else: not a number ("0"), not a
    /// comma-separated list of flags ("info,warning"), not padded ("critical "), all of which Enum.TryParse accepts.
    /// </summary>
    public static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when the text holds at least one character that is not white space, a control or a format character.</summary>
    public static bool HasContent(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
