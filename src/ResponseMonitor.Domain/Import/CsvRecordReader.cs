using System.Text;

namespace ResponseMonitor.Domain.Import;

/// <summary>
/// Streams RFC 4180 CSV: a header row names the columns (case-insensitive); fields may be quoted, with "" for a quote,
/// and a quoted field may span lines. Reads one record at a time, so files of any size pass in constant memory.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private long _line;
    private string[]? _header;

    public async IAsyncEnumerable<ImportRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var startLine = _line + 1;
            var (fields, error) = await ReadRecordAsync().ConfigureAwait(false);
            if (fields is null)
            {
                yield break;
            }

            if (_header is null)
            {
                _header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (error is not null)
            {
                yield return new ImportRecord(startLine, new Dictionary<string, string?> { [HistoryImporter.ErrorField] = error });
                continue;
            }

            if (fields.Count != _header.Length)
            {
                yield return new ImportRecord(startLine, new Dictionary<string, string?> { [HistoryImporter.ErrorField] = $"expected {_header.Length} fields as in the header, found {fields.Count}" });
                continue;
            }

            var record = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _header.Length; i++)
            {
                record[_header[i]] = fields[i];
            }

            yield return new ImportRecord(startLine, record);
        }
    }

    private async Task<(List<string>? Fields, string? Error)> ReadRecordAsync()
    {
        var line = await reader.ReadLineAsync().ConfigureAwait(false);
        if (line is null)
        {
            return (null, null);
        }

        _line++;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return (fields, null);
                }

                // A quoted field goes on to the next line.
                var next = await reader.ReadLineAsync().ConfigureAwait(false);
                if (next is null)
                {
                    fields.Add(field.ToString());
                    return (fields, "a quoted field is not closed before the end of the file");
                }

                _line++;
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }

            i++;
        }
    }
}
