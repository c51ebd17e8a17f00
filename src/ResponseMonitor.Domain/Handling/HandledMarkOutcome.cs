namespace ResponseMonitor.Domain.Handling;

/// <summary>What a request to mark a comment did.</summary>
public enum HandledMarkOutcome
{
    /// <summary>The comment was not marked: now it is.</summary>
    Created,

    /// <summary>It was marked with another reason: the reason is replaced and the change recorded.</summary>
    Changed,

    /// <summary>It was already marked with this reason: nothing was written (marks are idempotent).</summary>
    Unchanged,

    /// <summary>The channel has no such stored item.</summary>
    UnknownItem,

    /// <summary>The item is the brand's own: only what the public wrote can be handled.</summary>
    BrandItem,
}
