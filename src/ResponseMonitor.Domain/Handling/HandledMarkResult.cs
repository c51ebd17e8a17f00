namespace ResponseMonitor.Domain.Handling;

public sealed record HandledMarkResult(HandledMarkOutcome Outcome, HandledMark? Mark);
