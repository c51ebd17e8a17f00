using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// Reads labelled comments from the CSV or JSON Lines a brand exports from its tools: a <c>text</c>, a <c>label</c>
/// (<c>critical</c> or <c>not_critical</c>) and an optional two-letter <c>language</c>. A bad row is reported by line.
/// </summary>
internal static class LabelledCommentReader
{
    public static LabelledComment? Parse(IReadOnlyDictionary<string, string?> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.TryGetValue(HistoryImporter.ErrorField, out error) && error is not null)
        {
            return null;
        }

        if (fields.FirstOrDefault(f => f.Value == HistoryImporter.NotText).Key is { } notText)
        {
            error = $"'{notText}' must be a string, not an object or array";
            return null;
        }

        var text = fields.GetValueOrDefault("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "'text' is missing or empty";
            return null;
        }

        var critical = Label(fields.GetValueOrDefault("label"));
        if (critical is null)
        {
            error = $"'label' must be 'critical' or 'not_critical', not '{ErrorText.Quote(fields.GetValueOrDefault("label"))}'";
            return null;
        }

        var language = fields.GetValueOrDefault("language")?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(language) && (language.Length != 2 || !language.All(char.IsAsciiLetterLower)))
        {
            error = $"'language' must be a two-letter code such as 'es', not '{ErrorText.Quote(language)}'";
            return null;
        }

        error = null;
        return new LabelledComment(text, critical.Value, string.IsNullOrEmpty(language) ? null : language);
    }

    /// <summary><c>critical</c> → true, <c>not_critical</c> (or "not critical", "not-critical") → false, anything else → null.</summary>
    public static bool? Label(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "critical" => true,
        "not_critical" or "not critical" or "not-critical" => false,
        _ => null,
    };
}
