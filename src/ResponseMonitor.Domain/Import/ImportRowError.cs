namespace ResponseMonitor.Domain.Import;

/// <summary>A row that was skipped: the line it starts on (1-based) and why.</summary>
public sealed record ImportRowError(long Line, string Error);
