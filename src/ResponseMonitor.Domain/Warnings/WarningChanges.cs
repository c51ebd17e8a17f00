namespace ResponseMonitor.Domain.Warnings;

/// <summary>What must change in the store to match the conditions that hold now.</summary>
public sealed record WarningChanges(IReadOnlyList<WarningRecord> ToRaise, IReadOnlyList<WarningRecord> ToResolve);
