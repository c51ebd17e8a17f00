using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>An item the response clock left out, and why.</summary>
public sealed record Exclusion(ContentItem Item, ExclusionReason Reason)
{
    /// <summary>Who marked it handled, when and why (<see cref="ExclusionReason.Handled"/> only).</summary>
    public Handling.HandledMark? Mark { get; init; }
}
