using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// Issue 27, defect 5: a history import held about ten times its longest line in memory (one 300 MB line took the app
/// to 3.3 GB). The readers now keep a field up to ImportLimits.MaxFieldChars and a row up to ImportLimits.MaxRowChars
/// as they read; these feed them lines far longer than that from a reader that never holds the line itself.
/// </summary>
public sealed class ImportReaderBoundsTests
{
    /// <summary>A file of <paramref name="parts"/>, each a literal or a run of one character, produced as it is read.</summary>
    private sealed class GeneratedReader(params (string Text, long Repeat)[] parts) : TextReader
    {
        private int _part;
        private long _done;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var written = 0;
            while (written < buffer.Length && _part < parts.Length)
            {
                var (text, repeat) = parts[_part];
                var total = text.Length * repeat;
                if (_done == total)
                {
                    (_part, _done) = (_part + 1, 0);
                    continue;
                }

                buffer[written++] = text[(int)(_done % text.Length)];
                _done++;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
    }

    private static async Task<List<ImportRecord>> ReadAllAsync(IAsyncEnumerable<ImportRecord> records)
    {
        var list = new List<ImportRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    private const long Huge = 50L * 1024 * 1024;

    [Fact]
    public async Task A_json_line_with_a_50_million_character_text_is_kept_cut_and_marked_and_the_next_line_is_read()
    {
        using var reader = new GeneratedReader(("{\"id\":\"p1\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"text\":\"", 1), ("w", Huge), ("\",\"authorId\":\"brand\"}\n", 1), ("{\"id\":\"p2\",\"text\":\"short\"}\n", 1));

        var records = await ReadAllAsync(new JsonLinesRecordReader(reader).ReadAsync());

        Assert.Equal(2, records.Count);
        Assert.Equal(ImportLimits.MaxFieldChars, records[0].Fields["text"]!.Length);
        Assert.Equal("brand", records[0].Fields["authorId"]);
        Assert.True(records[0].Fields.ContainsKey(ImportLimits.CutField));
        Assert.Equal("short", records[1].Fields["text"]);
        Assert.False(records[1].Fields.ContainsKey(ImportLimits.CutField));
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public async Task A_json_line_long_outside_its_strings_is_reported_by_line_and_the_next_is_read()
    {
        using var reader = new GeneratedReader(("{\"id\":\"p1\",\"n\":[", 1), ("1,", Huge / 2), ("1]}\n", 1), ("{\"id\":\"p2\"}", 1));

        var records = await ReadAllAsync(new JsonLinesRecordReader(reader).ReadAsync());

        Assert.Equal(2, records.Count);
        Assert.Contains("longer than 65,536 characters", records[0].Fields[HistoryImporter.ErrorField], StringComparison.Ordinal);
        Assert.Equal("p2", records[1].Fields["id"]);
    }

    [Theory]
    [InlineData("\\u00e9", "é")]
    [InlineData("\\ud83d\\ude00", "😀")]
    [InlineData("😀", "😀")]
    [InlineData("\\\\", "\\")]
    public async Task A_string_is_cut_between_whole_characters_and_escapes_never_inside_one(string unit, string expected)
    {
        using var reader = new GeneratedReader(("{\"text\":\"a", 1), (unit, ImportLimits.MaxFieldChars), ("\"}", 1));

        var record = Assert.Single(await ReadAllAsync(new JsonLinesRecordReader(reader).ReadAsync()));

        Assert.False(record.Fields.ContainsKey(HistoryImporter.ErrorField), record.Fields.GetValueOrDefault(HistoryImporter.ErrorField));
        var text = record.Fields["text"]!;
        Assert.StartsWith("a" + expected, text, StringComparison.Ordinal);
        Assert.Equal(0, (text.Length - 1) % expected.Length);   // whole characters only
        Assert.True(record.Fields.ContainsKey(ImportLimits.CutField));
    }

    [Fact]
    public async Task A_csv_field_of_50_million_characters_is_kept_cut_and_marked_and_the_next_row_is_read()
    {
        using var reader = new GeneratedReader(("id,text,authorId\r\np1,\"", 1), ("q", Huge), ("\",brand\r\np2,\"two\nlines\",u2\r\n", 1), (",", Huge / 100), ("\n", 1));

        var records = await ReadAllAsync(new CsvRecordReader(reader).ReadAsync());

        Assert.Equal(3, records.Count);
        Assert.Equal(ImportLimits.MaxFieldChars, records[0].Fields["text"]!.Length);
        Assert.Equal("brand", records[0].Fields["authorId"]);
        Assert.True(records[0].Fields.ContainsKey(ImportLimits.CutField));
        Assert.Equal("two\nlines", records[1].Fields["text"]);
        Assert.Equal(3, records[1].Line);
        Assert.Contains("more than 1,024 fields", records[2].Fields[HistoryImporter.ErrorField], StringComparison.Ordinal);
        Assert.Equal(5, records[2].Line);
    }
}
