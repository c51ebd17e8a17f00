namespace ResponseMonitor.Domain.Critics;

/// <summary>One entry of a lexicon: positive weights lean critical, negative ones lean not critical.</summary>
public readonly record struct Cue(double Weight, CueKind Kind);
