namespace ResponseMonitor.Domain.Critics;

/// <summary>What a cue is: a complaint stays a complaint when negated ("no refund"); a sentiment word flips ("not good").</summary>
public enum CueKind
{
    /// <summary>A complaint: stays one when negated.</summary>
    Complaint,

    /// <summary>A feeling: flips when negated.</summary>
    Sentiment,
}
