using System.Text;
using System.Text.Json;

namespace ResponseMonitor.Domain.Import;

/// <summary>
/// Streams JSON Lines: one object per line, blank lines ignored. A line that is not a JSON object is a bad row. The file
/// is read in chunks and each line is copied only up to <see cref="ImportLimits"/>: every JSON string is cut to
/// <see cref="ImportLimits.MaxFieldChars"/> as it is read (the row is then marked truncated), and a line still longer
/// than <see cref="ImportLimits.MaxRowChars"/> is skipped to its end and reported, so no line is ever held whole.
/// </summary>
internal sealed class JsonLinesRecordReader(TextReader reader)
{
    // Ends a string that was cut: a Unicode noncharacter, never meaningful in a comment. Parse strips it and marks the row.
    private const char CutMark = '\uFDD0';

    private readonly char[] _buffer = new char[ImportLimits.ChunkChars];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    // The state of the line being read.
    private bool _inString;
    private bool _escaped;
    private int _hexLeft;
    private int _stringChars;
    private bool _stringCut;
    private bool _tooLong;

    public async IAsyncEnumerable<ImportRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long number = 0;
        while (true)
        {
            var ended = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (ended is null)
            {
                yield break;
            }

            number++;
            var tooLong = _tooLong;
            var line = _line.Length > 0 && _line[^1] == '\r' ? _line.ToString(0, _line.Length - 1) : _line.ToString();
            if (tooLong)
            {
                yield return new ImportRecord(number, new Dictionary<string, string?>
                {
                    [HistoryImporter.ErrorField] = $"the line is longer than {ImportLimits.MaxRowChars:N0} characters even with each field cut to {ImportLimits.MaxFieldChars:N0}",
                });
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return new ImportRecord(number, Parse(line.TrimStart('\uFEFF')));
        }
    }

    /// <summary>Reads one line into <see cref="_line"/>, bounded; false at its end, null when the file has ended before any character.</summary>
    private async Task<bool?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        (_inString, _escaped, _hexLeft, _stringChars, _stringCut, _tooLong) = (false, false, 0, 0, false, false);
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return any ? false : null;
                }
            }

            any = true;
            while (_position < _length)
            {
                var c = _buffer[_position++];
                if (c == '\n')
                {
                    return false;
                }

                Take(c);
            }
        }
    }

    private void Take(char c)
    {
        if (!_inString)
        {
            if (c == '"')
            {
                (_inString, _escaped, _hexLeft, _stringChars, _stringCut) = (true, false, 0, 0, false);
            }

            Append(c);
            return;
        }

        // Inside a string: find its end whatever is kept, and cut only between whole characters and escapes.
        var boundary = !_escaped && _hexLeft == 0;
        if (boundary && c == '"')
        {
            if (_stringCut)
            {
                Append(CutMark);
            }

            _inString = false;
            Append(c);
            return;
        }

        if (boundary && !_stringCut && _stringChars >= ImportLimits.MaxFieldChars)
        {
            _stringCut = true;
            DropDanglingHighSurrogate();
        }

        if (_escaped)
        {
            _escaped = false;
            _hexLeft = c == 'u' ? 4 : 0;
        }
        else if (_hexLeft > 0)
        {
            _hexLeft--;
        }
        else if (c == '\\')
        {
            _escaped = true;
        }

        if (!_stringCut)
        {
            _stringChars++;
            Append(c);
        }
    }

    private void Append(char c)
    {
        if (_tooLong)
        {
            return;
        }

        if (_line.Length >= ImportLimits.MaxRowChars)
        {
            _tooLong = true;
            _line.Clear();
            return;
        }

        _line.Append(c);
    }

    /// <summary>A cut between the halves of a surrogate pair would leave invalid Unicode: drop the first half too.</summary>
    private void DropDanglingHighSurrogate()
    {
        if (_tooLong || _line.Length == 0)
        {
            return;
        }

        if (char.IsHighSurrogate(_line[^1]))
        {
            _line.Length--;
            return;
        }

        // An escaped high surrogate: \uD800 to \uDBFF.
        if (_line.Length >= 6 && _line[^6] == '\\' && (_line[^5] is 'u' or 'U') && (_line[^4] is 'd' or 'D') && (_line[^3] is '8' or '9' or 'a' or 'A' or 'b' or 'B'))
        {
            _line.Length -= 6;
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
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => HistoryImporter.NotText,
                };
                if (value is { Length: > 0 } && value[^1] == CutMark)
                {
                    value = value[..^1];
                    fields[ImportLimits.CutField] = "true";
                }

                fields[property.Name] = value;
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
