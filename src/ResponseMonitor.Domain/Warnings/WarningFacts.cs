namespace ResponseMonitor.Domain.Warnings;

/// <summary>What a rule observed, kept apart from the sentence so that each sink can say it in the channel's language.</summary>
public sealed record WarningFacts
{
    /// <summary>True when the value has not yet crossed the threshold but has passed the pre-warning mark.</summary>
    public bool PreWarning { get; init; }

    /// <summary>The author of the comment concerned.</summary>
    public string? Who { get; init; }

    /// <summary>The start of the comment concerned, as a person would read it.</summary>
    public string? Excerpt { get; init; }

    /// <summary>The id of the comment concerned.</summary>
    public string? ItemId { get; init; }

    /// <summary>A link to the comment concerned.</summary>
    public string? ItemUrl { get; init; }

    /// <summary>How long the subject has waited (business time where the channel has hours) or been silent.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>The threshold crossed (or, for a pre-warning, to be crossed).</summary>
    public TimeSpan? Threshold { get; init; }

    /// <summary>Whether the brand ever spoke on the channel (brand-silent).</summary>
    public bool NeverSpoke { get; init; }

    /// <summary>What the platform said (credential rules).</summary>
    public string? Detail { get; init; }

    /// <summary>When the credential ends (credentials-expiring).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Spikes: the value this hour.</summary>
    public double? Observed { get; init; }

    /// <summary>Spikes: the mean of the channel's hourly history.</summary>
    public double? Mean { get; init; }

    /// <summary>Spikes: the value above which this hour is a spike.</summary>
    public double? Limit { get; init; }

    /// <summary>Spikes: how many standard deviations above the mean the limit is.</summary>
    public double? K { get; init; }

    /// <summary>not-listening: the brand's posts in the window.</summary>
    public int? Posts { get; init; }

    /// <summary>not-listening: the window, in calendar time.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>not-listening: public comments waiting now.</summary>
    public int? Waiting { get; init; }

    /// <summary>not-listening: of those, how many were already there when the brand published its latest post.</summary>
    public int? WaitingBeforeLatestPost { get; init; }

    /// <summary>not-listening: public comments of the window that needed an answer, and how many were answered.</summary>
    public int? Received { get; init; }

    /// <summary>not-listening: of the received comments, how many the brand answered.</summary>
    public int? Answered { get; init; }

    /// <summary>not-listening: the share answered below which the brand is not listening.</summary>
    public double? RateThreshold { get; init; }
}
