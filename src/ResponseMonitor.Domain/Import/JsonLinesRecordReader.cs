using System.Text.Json;

namespace ResponseMonitor.Domain.Import;

/// <summary>Streams JSON Lines: one object per line, blank lines ignored. A line that is not a JSON object is a bad row.</summary>
public sealed class JsonLinesRecordReader(TextReader reader)
{
    public async IAsyncEnumerable<ImportRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return new ImportRecord(number, Parse(line.TrimStart('\uFEFF')));
        }
    }

    private static Dictionary<string, string?> Parse(string line)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields[HistoryImporter.ErrorField] = "the line is not a JSON object";
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => HistoryImporter.NotText,
                };
            }
        }
        catch (JsonException ex)
        {
            fields[HistoryImporter.ErrorField] = "not valid JSON: " + ex.Message;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses text that is not valid UTF-16, such as a lone surrogate "\ud800".
            fields[HistoryImporter.ErrorField] = "a string holds invalid Unicode (a lone surrogate such as \\ud800)";
        }

        return fields;
    }
}
