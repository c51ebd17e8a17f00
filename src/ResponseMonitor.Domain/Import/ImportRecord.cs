namespace ResponseMonitor.Domain.Import;

/// <summary>One row of an import file: named fields as text, and the line the row starts on.</summary>
internal sealed record ImportRecord(long Line, IReadOnlyDictionary<string, string?> Fields);
