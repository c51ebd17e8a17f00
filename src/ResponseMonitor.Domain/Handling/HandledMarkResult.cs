namespace ResponseMonitor.Domain.Handling;

/// <summary>What marking a comment did, and the mark as now stored.</summary>
public sealed record HandledMarkResult(HandledMarkOutcome Outcome, HandledMark? Mark);
