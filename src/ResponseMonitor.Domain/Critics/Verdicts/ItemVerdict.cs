namespace ResponseMonitor.Domain.Critics.Verdicts;

/// <summary>A verdict to keep with one stored item, for the version of it that was judged (its <c>ChangedAt</c>).</summary>
public sealed record ItemVerdict(string ItemId, DateTimeOffset ItemVersion, StoredVerdict Verdict);
