using System.Text;

namespace ResponseMonitor.Domain.Import;

/// <summary>
/// Streams RFC 4180 CSV: a header row names the columns (case-insensitive); fields may be quoted, with "" for a quote,
/// and a quoted field may span lines. Reads the file in chunks, one record at a time, and keeps each field only up to
/// <see cref="ImportLimits.MaxFieldChars"/> (the row is then marked truncated) and each record up to
/// <see cref="ImportLimits.MaxRowChars"/> and <see cref="ImportLimits.MaxFields"/> (beyond, it is reported by line), so
/// files of any size, and rows of any length, pass in constant memory.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[ImportLimits.ChunkChars];
    private int _position;
    private int _length;
    private long _line;
    private string[]? _header;

    public async IAsyncEnumerable<ImportRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var startLine = _line + 1;
            var record = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                yield break;
            }

            var (fields, error, cut) = record.Value;
            if (_header is null)
            {
                _header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0 && error is null)
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

            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _header.Length; i++)
            {
                row[_header[i]] = fields[i];
            }

            if (cut)
            {
                row[ImportLimits.CutField] = "true";
            }

            yield return new ImportRecord(startLine, row);
        }
    }

    // The next character, or -1 at the end: from the buffer without an allocation, refilled a chunk at a time.
    private ValueTask<int> NextAsync(CancellationToken cancellationToken) =>
        _position < _length ? new ValueTask<int>(_buffer[_position++]) : RefillAsync(cancellationToken);

    private async ValueTask<int> RefillAsync(CancellationToken cancellationToken)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        _position = 0;
        return _length == 0 ? -1 : _buffer[_position++];
    }

    private async Task<(List<string> Fields, string? Error, bool Cut)?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var first = await NextAsync(cancellationToken).ConfigureAwait(false);
        if (first < 0)
        {
            return null;
        }

        _line++;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var cut = false;
        var rowChars = 0;
        string? error = null;
        var c = first;
        while (true)
        {
            if (c < 0)
            {
                AddField();
                return (fields, quoted ? "a quoted field is not closed before the end of the file" : error, cut);
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    var next = await NextAsync(cancellationToken).ConfigureAwait(false);
                    if (next == '"')
                    {
                        Keep('"');
                    }
                    else
                    {
                        quoted = false;
                        c = next;
                        continue;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }

                    // A quoted field goes on to the next line; its line breaks read as '\n', as ReadLine gave them.
                    if (ch != '\r')
                    {
                        Keep(ch);
                    }
                }
            }
            else if (ch == '\n')
            {
                AddField();
                return (fields, error, cut);
            }
            else if (ch == '\r')
            {
                // Part of a line break ("\r\n"); a lone '\r' inside a line is dropped.
            }
            else if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (ch == ',')
            {
                AddField();
            }
            else
            {
                Keep(ch);
            }

            c = await NextAsync(cancellationToken).ConfigureAwait(false);
        }

        void Keep(char k)
        {
            if (field.Length >= ImportLimits.MaxFieldChars)
            {
                cut = true;
                return;
            }

            if (rowChars >= ImportLimits.MaxRowChars)
            {
                error ??= $"the row is longer than {ImportLimits.MaxRowChars:N0} characters even with each field cut to {ImportLimits.MaxFieldChars:N0}";
                return;
            }

            field.Append(k);
            rowChars++;
        }

        void AddField()
        {
            if (fields.Count >= ImportLimits.MaxFields)
            {
                error ??= $"the row has more than {ImportLimits.MaxFields:N0} fields";
            }
            else
            {
                fields.Add(field.ToString());
            }

            field.Clear();
            wasQuoted = false;
        }
    }
}
